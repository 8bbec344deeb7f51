// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.internal.log.GatewayLog;
import dev.websocketkit.local.internal.events.GatewayEvents;
import dev.websocketkit.local.internal.events.GatewayEvents.Client;
import dev.websocketkit.local.internal.events.GatewayEvents.Handshake;
import dev.websocketkit.local.internal.function.Functions;
import dev.websocketkit.local.internal.function.Work;
import dev.websocketkit.local.internal.template.TemplateDocument;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.ApiKeySource;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.Authorizer;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.Route;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The WebSocket handshake as API Gateway runs it, before the connection exists: the new-connection
 * quota (429), the {@code $connect} authorizer (401 when an identity source is missing or it fails
 * with "Unauthorized", 403 when its policy does not allow, 500 on any other failure), the API key
 * (403), then the {@code $connect} integration, whose status decides (502 when it fails) and whose
 * {@code Sec-WebSocket-Protocol} header becomes the accepted subprotocol. A refused handshake is
 * answered with its HTTP status; it is never accepted and then closed.
 *
 * <p>The authorizer and {@code $connect} run on the functions' invocation threads, and the upgrade
 * happens when they have answered: a burst of handshakes holds none of the server's threads, which
 * the connections already open and the Management API keep for themselves.
 */
final class HandshakeHandler extends Handler.Abstract.NonBlocking {

    /** A handshake refused on the way; carries no stack trace, it is an answer, not an error. */
    private static final class Refused extends RuntimeException {

        private final transient Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.status() + " " + refusal.message(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** What the authorizer let through: the context every event of the connection carries, and the API key it chose. */
    private record Authorization(Map<String, Object> context, String apiKey) {

        static final Authorization NONE = new Authorization(null, null);
    }

    /** An accepted handshake: what the authorizer let through, and the subprotocol {@code $connect} chose ({@code null} for none). */
    private record Admission(Authorization authorization, String subprotocol) {
    }

    /** Parsed once: Jetty looks its extension parser up through a {@code ServiceLoader} on every parse. */
    private static final ExtensionConfig FRAME_SIZE_LIMIT = ExtensionConfig.parse(FrameSizeLimit.NAME);

    private final ServerWebSocketContainer webSockets;
    private final NewConnectionQuota quota;
    private final Optional<Route> connectRoute;
    private final ApiKeySource apiKeySource;
    private final Set<String> apiKeys;
    private final Functions functions;
    private final GatewayEvents events;
    private final MessageRouter router;
    private final GatewayLog log;

    HandshakeHandler(ServerWebSocketContainer webSockets, NewConnectionQuota quota, Optional<Route> connectRoute,
                     ApiKeySource apiKeySource, Set<String> apiKeys, Functions functions, GatewayEvents events, MessageRouter router,
                     GatewayLog log) {
        this.webSockets = webSockets;
        this.quota = quota;
        this.connectRoute = connectRoute;
        this.apiKeySource = apiKeySource;
        this.apiKeys = Set.copyOf(apiKeys);
        this.functions = functions;
        this.events = events;
        this.router = router;
        this.log = log;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!isWebSocketHandshake(request)) {
            return false;
        }
        if (!quota.tryAcquire()) {
            Refusal.TOO_MANY_REQUESTS.write(response, callback);
            return true;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(field -> headers.merge(field.getName(), field.getValue(), (first, next) -> first + "," + next));
        Map<String, String> query = new LinkedHashMap<>();
        Request.extractQueryParameters(request).forEach(field -> query.put(field.getName(), field.getValue()));
        Handshake handshake = Handshake.of(headers, query);
        Client client = new Client(GatewayEvents.newId(), Instant.now(), Request.getRemoteAddr(request), header(headers, "User-Agent"));

        authorize(client, handshake)
                .thenApply(authorization -> checkApiKey(authorization, headers))
                .thenCompose(authorization -> connect(client, handshake, authorization))
                .whenComplete((admission, error) -> {
                    if (error == null) {
                        upgrade(request, response, callback, new LocalConnection(client, admission.authorization().context()),
                                admission.subprotocol());
                    } else if (unwrap(error) instanceof Refused refused) {
                        refused.refusal.write(response, callback);
                    } else {
                        log.gateway("A handshake failed: " + unwrap(error));
                        callback.failed(unwrap(error));
                    }
                });
        return true;
    }

    private CompletableFuture<Authorization> authorize(Client client, Handshake handshake) {
        Optional<Authorizer> authorizer = connectRoute.flatMap(Route::authorizer);
        if (authorizer.isEmpty()) {
            return CompletableFuture.completedFuture(Authorization.NONE);
        }
        if (!hasIdentitySources(authorizer.get(), handshake)) {
            return CompletableFuture.failedFuture(new Refused(Refusal.UNAUTHORIZED));
        }
        APIGatewayCustomAuthorizerEvent event = events.authorize(client, handshake);
        return functions.get(authorizer.get().functionId()).invoke(event, Work.HANDSHAKE).handle((response, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                throw new Refused("Unauthorized".equals(cause.getMessage()) ? Refusal.UNAUTHORIZED : Refusal.AUTHORIZER_FAILED);
            }
            AuthorizerAnswer answer = AuthorizerAnswer.of(response);
            if (!answer.allows(event.getMethodArn())) {
                throw new Refused(Refusal.FORBIDDEN);
            }
            return new Authorization(answer.requestContext(), answer.usageIdentifierKey());
        });
    }

    private Authorization checkApiKey(Authorization authorization, Map<String, String> headers) {
        if (connectRoute.isPresent() && connectRoute.get().apiKeyRequired()) {
            String apiKey = apiKeySource == ApiKeySource.HEADER ? header(headers, "x-api-key") : authorization.apiKey();
            if (apiKey == null || !apiKeys.contains(apiKey)) {
                throw new Refused(Refusal.FORBIDDEN);
            }
        }
        return authorization;
    }

    private CompletableFuture<Admission> connect(Client client, Handshake handshake, Authorization authorization) {
        if (connectRoute.isEmpty()) {
            return CompletableFuture.completedFuture(new Admission(authorization, null));
        }
        return functions.get(connectRoute.get().functionId()).invoke(events.connect(client, handshake, authorization.context()), Work.HANDSHAKE)
                .handle((response, error) -> {
                    Map<String, Object> answer = error == null ? json(response) : null;
                    if (answer == null) {
                        throw new Refused(Refusal.INTEGRATION_FAILED);
                    }
                    int status = answer.get("statusCode") instanceof Number number ? number.intValue() : 200;
                    if (status < 200 || status > 299) {
                        throw new Refused(Refusal.byIntegration(status));
                    }
                    return new Admission(authorization, header(TemplateDocument.mapOrEmpty(answer.get("headers")), "Sec-WebSocket-Protocol"));
                });
    }

    /** Completes the handshake now that the API has accepted it. */
    private void upgrade(Request request, Response response, Callback callback, LocalConnection connection, String subprotocol) {
        boolean upgraded = webSockets.upgrade((upgradeRequest, upgradeResponse, upgradeCallback) -> {
            if (subprotocol != null) {
                upgradeResponse.setAcceptedSubProtocol(subprotocol);
            }
            limitFrames(upgradeResponse);
            return new ConnectionEndpoint(connection, router);
        }, request, response, callback);
        if (!upgraded) {
            callback.failed(new IllegalStateException("The WebSocket upgrade of an accepted handshake did not happen"));
        }
    }

    /**
     * Checks the size of each frame as it arrives, before {@code permessage-deflate} inflates it,
     * and lets that extension inflate a frame up to the size of a whole message.
     */
    private static void limitFrames(ServerUpgradeResponse response) {
        List<ExtensionConfig> extensions = new ArrayList<>();
        extensions.add(FRAME_SIZE_LIMIT);
        for (ExtensionConfig negotiated : response.getExtensions()) {
            if (negotiated.getName().equals("permessage-deflate")) {
                negotiated.setParameter("@inflate_buffer_size", GatewayServer.COMPRESSION_BUFFER_BYTES);
                negotiated.setParameter("@deflate_buffer_size", GatewayServer.COMPRESSION_BUFFER_BYTES);
            }
            extensions.add(negotiated);
        }
        response.setExtensions(extensions);
    }

    /** A request that asks for a WebSocket connection, as RFC 6455 words it; anything else is for the other handlers. */
    private static boolean isWebSocketHandshake(Request request) {
        return request.getMethod().equals("GET")
                && "websocket".equalsIgnoreCase(request.getHeaders().get(HttpHeader.UPGRADE))
                && request.getHeaders().get(HttpHeader.SEC_WEBSOCKET_KEY) != null;
    }

    /** API Gateway refuses a handshake without the authorizer's identity sources before invoking it. */
    private static boolean hasIdentitySources(Authorizer authorizer, Handshake handshake) {
        for (String source : authorizer.identitySources()) {
            String value;
            if (source.startsWith("route.request.header.")) {
                value = header(handshake.headers(), source.substring("route.request.header.".length()));
            } else if (source.startsWith("route.request.querystring.")) {
                value = handshake.query().get(source.substring("route.request.querystring.".length()));
            } else {
                throw new IllegalStateException("The local gateway supports header and querystring identity sources, not " + source);
            }
            if (value == null || value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String header(Map<String, ?> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(header -> String.valueOf(header.getValue()))
                .findFirst()
                .orElse(null);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** The integration's answer as API Gateway reads it; {@code null} when it is not JSON, which API Gateway takes as a failure. */
    private static Map<String, Object> json(Object response) {
        if (response == null) {
            return Map.of();
        }
        try {
            return TemplateDocument.mapOrEmpty(JSON.std.anyFrom(JSON.std.asString(response)));
        } catch (IOException e) {
            return null;
        }
    }
}
