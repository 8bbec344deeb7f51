// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import dev.websocketkit.local.internal.events.GatewayEvents.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A client connected to the local gateway. */
final class LocalConnection {

    /** Characters per frame: at most three UTF-8 bytes each, so a frame stays within API Gateway's 32 KB. */
    private static final int FRAME_CHARACTERS = 32 * 1024 / 3;

    private final Client client;
    private final Map<String, Object> authorizer;
    private final long connectedNanos = System.nanoTime();
    private volatile Session session;
    private volatile long lastActiveNanos = connectedNanos;

    LocalConnection(Client client, Map<String, Object> authorizer) {
        this.client = client;
        this.authorizer = authorizer;
    }

    String id() {
        return client.connectionId();
    }

    Client client() {
        return client;
    }

    /** What the authorizer passed on for this connection, as API Gateway puts it in every event; {@code null} without one. */
    Map<String, Object> authorizer() {
        return authorizer;
    }

    /** When a message last went either way, for the idle timeout and the Management API's {@code lastActiveAt}. */
    Instant lastActiveAt() {
        return client.connectedAt().plus(Duration.ofNanos(lastActiveNanos - connectedNanos));
    }

    long lastActiveNanos() {
        return lastActiveNanos;
    }

    long connectedNanos() {
        return connectedNanos;
    }

    void opened(Session session) {
        this.session = session;
    }

    void touch() {
        lastActiveNanos = System.nanoTime();
    }

    boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen();
    }

    /**
     * Sends a text message, split into frames of at most 32 KB as API Gateway sends what is posted
     * to a connection. Messages are sent whole and in the order they arrive. Never waits: the frames
     * are queued behind those not written yet, so that a client that reads slowly holds up no one
     * else, not even the selector's thread, which sends the gateway's own replies.
     */
    synchronized void send(String text) {
        Session current = session;
        if (current == null) {
            return;
        }
        touch();
        if (text.length() <= FRAME_CHARACTERS) {
            current.sendText(text, Callback.NOOP);
            return;
        }
        for (int start = 0; start < text.length(); ) {
            int end = Math.min(text.length(), start + FRAME_CHARACTERS);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            current.sendPartialText(text.substring(start, end), end == text.length(), Callback.NOOP);
            start = end;
        }
    }

    void close(int statusCode, String reason) {
        Session current = session;
        if (current != null) {
            current.close(statusCode, reason, Callback.NOOP);
        }
    }
}
