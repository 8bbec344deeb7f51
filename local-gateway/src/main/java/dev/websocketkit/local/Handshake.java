// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The opening handshake of a WebSocket connection: its headers, query parameters and subprotocols.
 *
 * <pre>{@code
 * gateway.handshake().bearerToken(null).refusal();             // 401
 * gateway.handshake().bearerToken(null).queryToken(token).connect();
 * }</pre>
 */
public final class Handshake {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final URI uri;
    private final Patience patience;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();

    private Handshake(URI uri, Patience patience) {
        this.uri = uri;
        this.patience = patience;
    }

    /**
     * A handshake with any WebSocket server. Its client waits {@value Patience#IDLE_SECONDS}
     * seconds for an answer or a message; one from {@link LocalGateway#handshake()} waits as long
     * as the gateway is at work.
     */
    public static Handshake to(URI uri) {
        return new Handshake(uri, Patience.ofUnknownServer());
    }

    static Handshake to(URI uri, Patience patience) {
        return new Handshake(uri, patience);
    }

    /** Sets a header; {@code null} removes it. */
    public Handshake header(String name, String value) {
        headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        if (value != null) {
            headers.put(name, value);
        }
        return this;
    }

    /** The {@code x-api-key} header; {@code null} for none. */
    public Handshake apiKey(String apiKey) {
        return header("x-api-key", apiKey);
    }

    /** {@code Authorization: Bearer <token>}; {@code null} for none. */
    public Handshake bearerToken(String token) {
        return header("Authorization", token == null ? null : "Bearer " + token);
    }

    /** A query parameter; {@code null} removes it. */
    public Handshake query(String name, String value) {
        if (value == null) {
            query.remove(name);
        } else {
            query.put(name, value);
        }
        return this;
    }

    /** The token in the query string, as a browser sends it: {@code ?token=<token>}. */
    public Handshake queryToken(String token) {
        return query("token", token);
    }

    /** Offers subprotocols, in order, in {@code Sec-WebSocket-Protocol}. */
    public Handshake subprotocols(String... offered) {
        subprotocols.clear();
        subprotocols.addAll(List.of(offered));
        return this;
    }

    public URI uri() {
        if (query.isEmpty()) {
            return uri;
        }
        StringBuilder target = new StringBuilder(uri.toString());
        if (uri.getPath() == null || uri.getPath().isEmpty()) {
            target.append('/');
        }
        target.append('?');
        query.forEach((name, value) -> target.append(encode(name)).append('=').append(encode(value)).append('&'));
        return URI.create(target.substring(0, target.length() - 1));
    }

    /** Connects; fails with the handshake's {@link CompletionException} when the server refuses. */
    public WebSocketTestClient connect() {
        WebSocketTestClient client = new WebSocketTestClient(patience);
        WebSocket.Builder builder = HTTP.newWebSocketBuilder();
        headers.forEach(builder::header);
        if (!subprotocols.isEmpty()) {
            builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
        }
        CompletableFuture<WebSocket> opening = builder.buildAsync(uri(), client.listener());
        try {
            client.connected(patience.await("answer to the handshake with " + uri, millis -> answerWithin(opening, millis)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
        return client;
    }

    private static WebSocket answerWithin(CompletableFuture<WebSocket> opening, long millis) throws InterruptedException {
        try {
            return opening.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException notYet) {
            return null;
        } catch (ExecutionException e) {
            throw new CompletionException(e.getCause());
        }
    }

    /** The HTTP status with which the server refused the handshake; fails if it accepted it. */
    public int refusal() {
        try {
            connect().close();
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException) {
                return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the handshake was accepted");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
