package ${package}.local;

import org.eclipse.jetty.websocket.api.Session;

/** Jetty's side of one client connection: hands what happens on it to the gateway. Public because Jetty calls it through method handles. */
public final class ConnectionEndpoint implements Session.Listener.AutoDemanding {

    private final LocalConnection connection;
    private final LocalGateway gateway;

    ConnectionEndpoint(LocalConnection connection, LocalGateway gateway) {
        this.connection = connection;
        this.gateway = gateway;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection.opened(session);
    }

    @Override
    public void onWebSocketText(String message) {
        gateway.onMessage(connection, message);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        gateway.onClose(connection, statusCode, reason);
    }
}
