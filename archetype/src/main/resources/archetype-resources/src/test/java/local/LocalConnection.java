package ${package}.local;

import ${package}.local.WebSocketEvents.Client;
import java.time.Instant;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/** A client connected to the local gateway. */
final class LocalConnection {

    private final Client client;
    private final Map<String, Object> authorizer;
    private volatile Session session;
    private volatile Instant lastActiveAt;

    LocalConnection(Client client, Map<String, Object> authorizer) {
        this.client = client;
        this.authorizer = authorizer;
        this.lastActiveAt = client.connectedAt();
    }

    Client client() {
        return client;
    }

    String id() {
        return client.connectionId();
    }

    /** What the authorizer returned for this connection; {@code null} without an authorizer. */
    Map<String, Object> authorizer() {
        return authorizer;
    }

    Instant lastActiveAt() {
        return lastActiveAt;
    }

    void opened(Session session) {
        this.session = session;
    }

    void touch() {
        lastActiveAt = Instant.now();
    }

    boolean isOpen() {
        Session current = session;
        return current != null && current.isOpen();
    }

    void send(String text) {
        session.sendText(text, Callback.NOOP);
    }

    void close() {
        session.close(StatusCode.NORMAL, "Closed through the Management API", Callback.NOOP);
    }
}
