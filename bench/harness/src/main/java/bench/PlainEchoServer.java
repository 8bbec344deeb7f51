// SPDX-License-Identifier: Apache-2.0

package bench;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/** The limit for the echo load: a Jetty WebSocket endpoint that sends back what it receives. */
public final class PlainEchoServer {

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("localhost");
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container ->
                container.addMapping("/*", (request, response, callback) -> new Echo())));
        server.start();
        System.out.println("Listening on " + connector.getLocalPort());
        server.join();
    }

    /** Public: Jetty calls it through method handles. */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String message) {
            session.sendText(message, Callback.NOOP);
        }
    }
}
