// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.events.WebSocketEvents;
import dev.websocketkit.local.events.WebSocketEvents.Client;
import dev.websocketkit.local.events.WebSocketEvents.Handshake;
import dev.websocketkit.local.function.Functions;
import dev.websocketkit.local.template.SamTemplate;
import dev.websocketkit.local.template.WebSocketApiDefinition.ApiKeySource;
import dev.websocketkit.local.template.WebSocketApiDefinition.Authorizer;
import dev.websocketkit.local.template.WebSocketApiDefinition.Route;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * The WebSocket handshake as API Gateway runs it, before the connection exists: the
 * {@code $connect} authorizer (401 when an identity source is missing or it fails with
 * "Unauthorized", 403 when its policy does not allow, 500 on any other failure), the API key (403),
 * then the {@code $connect} integration, whose status decides and whose
 * {@code Sec-WebSocket-Protocol} header becomes the accepted subprotocol. A refused handshake is
 * answered with its HTTP status; it is never accepted and then closed.
 */
final class HandshakeHandler implements WebSocketCreator {

    private final Optional<Route> connectRoute;
    private final ApiKeySource apiKeySource;
    private final Set<String> apiKeys;
    private final Functions functions;
    private final WebSocketEvents events;
    private final MessageRouter router;

    HandshakeHandler(Optional<Route> connectRoute, ApiKeySource apiKeySource, Set<String> apiKeys, Functions functions,
                     WebSocketEvents events, MessageRouter router) {
        this.connectRoute = connectRoute;
        this.apiKeySource = apiKeySource;
        this.apiKeys = Set.copyOf(apiKeys);
        this.functions = functions;
        this.events = events;
        this.router = router;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(field -> headers.merge(field.getName(), field.getValue(), (first, next) -> first + "," + next));
        Map<String, String> query = new LinkedHashMap<>();
        Request.extractQueryParameters(request).forEach(field -> query.put(field.getName(), field.getValue()));
        Handshake handshake = Handshake.of(headers, query);
        Client client = new Client(WebSocketEvents.newId(), Instant.now(), Request.getRemoteAddr(request), header(headers, "User-Agent"));

        Map<String, Object> authorizerContext = null;
        String authorizerApiKey = null;
        Optional<Authorizer> authorizer = connectRoute.flatMap(Route::authorizer);
        if (authorizer.isPresent()) {
            if (!hasIdentitySources(authorizer.get(), headers, query)) {
                return refuse(request, response, callback, 401, "Unauthorized");
            }
            APIGatewayCustomAuthorizerEvent event = events.authorize(client, handshake);
            AuthorizerAnswer answer;
            try {
                answer = AuthorizerAnswer.of(functions.get(authorizer.get().functionId()).invoke(event).join());
            } catch (CompletionException e) {
                boolean unauthorized = e.getCause() != null && "Unauthorized".equals(e.getCause().getMessage());
                return unauthorized
                        ? refuse(request, response, callback, 401, "Unauthorized")
                        : refuse(request, response, callback, 500, "Internal server error");
            }
            if (!answer.allows(event.getMethodArn())) {
                return refuse(request, response, callback, 403, "Forbidden");
            }
            authorizerContext = answer.requestContext();
            authorizerApiKey = answer.usageIdentifierKey();
        }
        if (connectRoute.isPresent() && connectRoute.get().apiKeyRequired()) {
            String apiKey = apiKeySource == ApiKeySource.HEADER ? header(headers, "x-api-key") : authorizerApiKey;
            if (apiKey == null || !apiKeys.contains(apiKey)) {
                return refuse(request, response, callback, 403, "Forbidden");
            }
        }
        if (connectRoute.isPresent()) {
            Map<String, Object> answer;
            try {
                answer = json(functions.get(connectRoute.get().functionId()).invoke(events.connect(client, handshake, authorizerContext)).join());
            } catch (CompletionException e) {
                return refuse(request, response, callback, 500, "Internal server error");
            }
            int status = answer.get("statusCode") instanceof Number ? ((Number) answer.get("statusCode")).intValue() : 200;
            if (status < 200 || status > 299) {
                return refuse(request, response, callback, status, null);
            }
            String subprotocol = header(SamTemplate.mapOrEmpty(answer.get("headers")), "Sec-WebSocket-Protocol");
            if (subprotocol != null) {
                response.setAcceptedSubProtocol(subprotocol);
            }
        }
        return new ConnectionEndpoint(new LocalConnection(client, authorizerContext), router);
    }

    /** API Gateway refuses a handshake without the authorizer's identity sources before invoking it. */
    private static boolean hasIdentitySources(Authorizer authorizer, Map<String, String> headers, Map<String, String> query) {
        for (String source : authorizer.identitySources()) {
            String value;
            if (source.startsWith("route.request.header.")) {
                value = header(headers, source.substring("route.request.header.".length()));
            } else if (source.startsWith("route.request.querystring.")) {
                value = query.get(source.substring("route.request.querystring.".length()));
            } else {
                throw new IllegalStateException("The local gateway supports header and querystring identity sources, not " + source);
            }
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Object refuse(Request request, Response response, Callback callback, int status, String message) {
        Response.writeError(request, response, callback, status, message);
        return null;
    }

    private static String header(Map<String, ?> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> String.valueOf(header.getValue()))
                .findFirst()
                .orElse(null);
    }

    private static Map<String, Object> json(Object response) {
        if (response == null) {
            return Map.of();
        }
        try {
            return SamTemplate.mapOrEmpty(JSON.std.anyFrom(JSON.std.asString(response)));
        } catch (IOException e) {
            throw new IllegalStateException("The $connect integration's answer is not JSON: " + response, e);
        }
    }
}
