// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/** Jetty's side of one client connection: hands what happens on it to the router. Public because Jetty calls it through method handles. */
public final class ConnectionEndpoint implements Session.Listener.AutoDemanding {

    private final LocalConnection connection;
    private final MessageRouter router;

    ConnectionEndpoint(LocalConnection connection, MessageRouter router) {
        this.connection = connection;
        this.router = router;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        connection.opened(session);
        router.opened(connection);
    }

    @Override
    public void onWebSocketText(String message) {
        router.onMessage(connection, message);
    }

    /** API Gateway WebSocket APIs take text messages only. */
    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        connection.close(StatusCode.BAD_DATA, "Binary frames are not supported");
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        router.onClose(connection);
    }
}
