// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import dev.websocketkit.local.internal.log.GatewayLog;
import dev.websocketkit.local.internal.events.GatewayEvents;
import dev.websocketkit.local.internal.function.Functions;
import dev.websocketkit.local.internal.function.Work;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.Route;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.RouteSelection;
import java.util.Map;

/**
 * What API Gateway does with an open connection: picks each message's route from its body and
 * invokes the route's function, answers what no route takes, and runs {@code $disconnect} when the
 * connection closes.
 */
final class MessageRouter {

    private final RouteSelection selection;
    private final Map<String, Route> routes;
    private final Functions functions;
    private final GatewayEvents events;
    private final Connections connections;
    private final GatewayLog log;

    MessageRouter(RouteSelection selection, Map<String, Route> routes, Functions functions, GatewayEvents events,
                  Connections connections, GatewayLog log) {
        this.selection = selection;
        this.routes = routes;
        this.functions = functions;
        this.events = events;
        this.connections = connections;
        this.log = log;
    }

    void opened(LocalConnection connection) {
        connections.add(connection);
    }

    void onMessage(LocalConnection connection, String body) {
        connection.touch();
        String routeKey = selectRoute(body);
        if (routeKey == null) {
            connection.send(apiGatewayError("Forbidden", connection));
            return;
        }
        functions.get(routes.get(routeKey).functionId())
                .invoke(events.message(routeKey, connection.client(), body, connection.authorizer()), Work.MESSAGE)
                .whenComplete((response, error) -> {
                    if (error != null) {
                        connection.send(apiGatewayError("Internal server error", connection));
                    }
                });
    }

    void onClose(LocalConnection connection) {
        if (connections.remove(connection) && routes.containsKey("$disconnect")) {
            functions.get(routes.get("$disconnect").functionId())
                    .invoke(events.disconnect(connection.client(), connection.authorizer()))
                    .whenComplete((response, error) -> {
                        if (error != null) {
                            log.gateway("$disconnect failed for connection " + connection.id() + ": " + error);
                        }
                    });
        }
    }

    /** The route API Gateway would pick: the one the selection expression names, else {@code $default}, else none. */
    private String selectRoute(String body) {
        if (!selection.everythingToDefault()) {
            String routeKey = BodyField.stringAt(selection.bodyPath(), body);
            if (routeKey != null && isMessageRoute(routeKey)) {
                return routeKey;
            }
        }
        return routes.containsKey("$default") ? "$default" : null;
    }

    private boolean isMessageRoute(String routeKey) {
        return routes.containsKey(routeKey) && !routeKey.equals("$connect") && !routeKey.equals("$disconnect");
    }


    /**
     * API Gateway's own answer to a message it cannot deliver to an integration, spaced as API
     * Gateway spaces it: {@code {"message": "Forbidden", "connectionId":"…", "requestId":"…"}}.
     * Connection and request ids are letters, digits and {@code =}: nothing to escape.
     */
    static String apiGatewayError(String message, LocalConnection connection) {
        return "{\"message\": \"" + message + "\", \"connectionId\":\"" + connection.id() + "\", \"requestId\":\"" + GatewayEvents.newId() + "\"}";
    }
}
