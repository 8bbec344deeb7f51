// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.websocketkit.local.internal.events.GatewayEvents;
import dev.websocketkit.local.internal.events.GatewayEvents.Api;
import dev.websocketkit.local.internal.events.GatewayEvents.Client;
import dev.websocketkit.local.internal.events.GatewayEvents.Handshake;
import java.time.Instant;
import java.util.Map;

/**
 * The events a deployed WebSocket API sends its integrations and its authorizer, field for field
 * as the local gateway sends them, for handler tests. Every event comes from one client address
 * and user agent.
 */
public final class WebSocketEvents {

    private final GatewayEvents events;
    private final String sourceIp;
    private final String userAgent;

    private WebSocketEvents(GatewayEvents events, String sourceIp, String userAgent) {
        this.events = events;
        this.sourceIp = sourceIp;
        this.userAgent = userAgent;
    }

    /** Events of the API {@code apiId} deployed to {@code stage} in the local account's region, from 203.0.113.7. */
    public static WebSocketEvents of(String apiId, String stage) {
        return new WebSocketEvents(new GatewayEvents(Api.deployed(apiId, stage)), "203.0.113.7", "test-client");
    }

    /** The same events, from another client address and user agent. */
    public WebSocketEvents from(String sourceIp, String userAgent) {
        return new WebSocketEvents(events, sourceIp, userAgent);
    }

    /** An id shaped like API Gateway's connection, message and request ids: 15 letters and digits and a {@code =}. */
    public static String newConnectionId() {
        return GatewayEvents.newId();
    }

    /** The {@code $connect} integration's event for a handshake with these headers and query parameters, without an authorizer. */
    public APIGatewayV2WebSocketEvent connect(String connectionId, Instant connectedAt, Map<String, String> headers,
                                              Map<String, String> query) {
        return events.connect(client(connectionId, connectedAt), Handshake.of(headers, query), null);
    }

    /** The REQUEST authorizer's event for a handshake with these headers and query parameters. */
    public APIGatewayCustomAuthorizerEvent authorize(Map<String, String> headers, Map<String, String> query) {
        return events.authorize(client(GatewayEvents.newId(), Instant.now()), Handshake.of(headers, query));
    }

    /** The event of a message on the route API Gateway selected for it, {@code body} as the client sent it. */
    public APIGatewayV2WebSocketEvent message(String routeKey, String connectionId, Instant connectedAt, String body) {
        return events.message(routeKey, client(connectionId, connectedAt), body, null);
    }

    public APIGatewayV2WebSocketEvent disconnect(String connectionId, Instant connectedAt) {
        return events.disconnect(client(connectionId, connectedAt), null);
    }

    private Client client(String connectionId, Instant connectedAt) {
        return new Client(connectionId, connectedAt, sourceIp, userAgent);
    }
}
