// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.events;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import dev.websocketkit.local.internal.account.LocalAccount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The events API Gateway sends to the integrations and the authorizer of a WebSocket API, field for
 * field. Handler tests use it to build the events a deployed API would send.
 */
public final class GatewayEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** The API and stage the events come from. */
    public record Api(String apiId, String domainName, String stage) {

        /** An API as deployed in the local account's region, e.g. {@code abc123xyz0.execute-api.us-east-1.amazonaws.com}. */
        public static Api deployed(String apiId, String stage) {
            return new Api(apiId, apiId + ".execute-api." + LocalAccount.REGION + "." + LocalAccount.URL_SUFFIX, stage);
        }
    }

    /** Who is on the other end of a connection. */
    public record Client(String connectionId, Instant connectedAt, String sourceIp, String userAgent) {
    }

    /** What the handshake carried. Header names keep the client's case; lookups in events should ignore it. */
    public record Handshake(Map<String, String> headers, Map<String, List<String>> multiValueHeaders,
                            Map<String, String> query, Map<String, List<String>> multiValueQuery) {

        public static Handshake of(Map<String, String> headers, Map<String, String> query) {
            Map<String, List<String>> multiValueHeaders = new LinkedHashMap<>();
            headers.forEach((name, value) -> multiValueHeaders.put(name, List.of(value)));
            Map<String, List<String>> multiValueQuery = new LinkedHashMap<>();
            query.forEach((name, value) -> multiValueQuery.put(name, List.of(value)));
            return new Handshake(headers, multiValueHeaders, query, multiValueQuery);
        }
    }

    private final Api api;

    public GatewayEvents(Api api) {
        this.api = api;
    }

    /** The event of the {@code $connect} integration; {@code authorizer} is what the authorizer returned, or {@code null}. */
    public APIGatewayV2WebSocketEvent connect(Client client, Handshake handshake, Map<String, Object> authorizer) {
        APIGatewayV2WebSocketEvent event = event("$connect", "CONNECT", client);
        event.setHeaders(handshake.headers());
        event.setMultiValueHeaders(handshake.multiValueHeaders());
        if (!handshake.query().isEmpty()) {
            event.setQueryStringParameters(handshake.query());
            event.setMultiValueQueryStringParameters(handshake.multiValueQuery());
        }
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** The event of a Lambda REQUEST authorizer on {@code $connect}, as API Gateway sends it for WebSocket APIs. */
    public APIGatewayCustomAuthorizerEvent authorize(Client client, Handshake handshake) {
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setApiId(api.apiId());
        context.setStage(api.stage());
        context.setRequestId(newId());
        context.setAccountId(LocalAccount.ACCOUNT_ID);
        APIGatewayCustomAuthorizerEvent.Identity identity = new APIGatewayCustomAuthorizerEvent.Identity();
        identity.setSourceIp(client.sourceIp());
        context.setIdentity(identity);

        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn("arn:" + LocalAccount.PARTITION + ":execute-api:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID
                + ":" + api.apiId() + "/" + api.stage() + "/$connect");
        event.setHeaders(handshake.headers());
        event.setQueryStringParameters(handshake.query().isEmpty() ? null : handshake.query());
        event.setRequestContext(context);
        return event;
    }

    public APIGatewayV2WebSocketEvent message(String routeKey, Client client, String body, Map<String, Object> authorizer) {
        APIGatewayV2WebSocketEvent event = event(routeKey, "MESSAGE", client);
        event.getRequestContext().setMessageId(newId());
        event.getRequestContext().setMessageDirection("IN");
        event.getRequestContext().setAuthorizer(authorizer);
        event.setBody(body);
        return event;
    }

    public APIGatewayV2WebSocketEvent disconnect(Client client, Map<String, Object> authorizer) {
        APIGatewayV2WebSocketEvent event = event("$disconnect", "DISCONNECT", client);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** An id shaped like API Gateway's connection, message and request ids: 15 letters and digits and a {@code =}. */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(16);
        for (int i = 0; i < 15; i++) {
            id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
        }
        return id.append('=').toString();
    }

    private APIGatewayV2WebSocketEvent event(String routeKey, String eventType, Client client) {
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(client.sourceIp());
        identity.setUserAgent(client.userAgent());

        Instant now = Instant.now();
        RequestContext context = new RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(client.connectionId());
        context.setConnectedAt(client.connectedAt().toEpochMilli());
        context.setDomainName(api.domainName());
        context.setStage(api.stage());
        context.setApiId(api.apiId());
        context.setRequestId(newId());
        context.setExtendedRequestId(context.getRequestId());
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toEpochMilli());
        context.setIdentity(identity);

        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }
}
