// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.server;

import dev.websocketkit.local.GatewayLog;
import dev.websocketkit.local.events.WebSocketEvents;
import dev.websocketkit.local.function.Functions;
import dev.websocketkit.local.template.WebSocketApiDefinition;
import dev.websocketkit.local.template.WebSocketApiDefinition.ApiKeySource;
import dev.websocketkit.local.template.WebSocketApiDefinition.Route;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The gateway's HTTP server: WebSocket clients, the Management API and the development identity
 * provider on one port. Handshakes wait for the authorizer and {@code $connect} on a server thread;
 * messages are handed to the functions' invocation threads, so a handler that calls the Management
 * API never waits for a server thread its own invocation holds.
 */
public final class GatewayServer {

    /** API Gateway's limit for a WebSocket message. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;
    /** API Gateway's limit for a WebSocket frame. */
    public static final int MAX_FRAME_BYTES = 32 * 1024;

    private final Server server;
    private final ServerConnector connector;
    private final String displayHost;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = Executors.defaultThreadFactory().newThread(runnable);
        thread.setName("connection-expiry");
        thread.setDaemon(true);
        return thread;
    });
    private String stage;

    /** Binds the port at once, so that its number is known before the functions are given their environment. */
    public GatewayServer(String host, int port) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("gateway");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        connector.open();
        server.addConnector(connector);
        this.displayHost = host;
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** {@code host:port}, as clients and the functions reach the gateway. */
    public String authority() {
        return displayHost + ":" + connector.getLocalPort();
    }

    public String stage() {
        return stage;
    }

    public void start(WebSocketApiDefinition api, Map<String, Route> routes, String stage, Set<String> apiKeys, Functions functions,
                      WebSocketEvents events, DevelopmentIdentityProvider identityProvider, String developmentToken,
                      Duration idleTimeout, Duration maxConnectionDuration, Duration managementApiLatency, GatewayLog log) throws Exception {
        this.stage = stage;
        Connections connections = new Connections();
        MessageRouter router = new MessageRouter(api.routeSelection(), routes, functions, events, connections, scheduler,
                maxConnectionDuration, log);
        HandshakeHandler handshakes = new HandshakeHandler(Optional.ofNullable(routes.get("$connect")), api.apiKeySource(), apiKeys,
                functions, events, router);
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxFrameSize(MAX_FRAME_BYTES);
            container.setAutoFragment(false);
            container.setIdleTimeout(idleTimeout);
            container.addMapping("/*", handshakes);
        });
        List<Handler> handlers = new ArrayList<>();
        handlers.add(new ManagementApiHandler(stage, Set.of(authority(), "127.0.0.1:" + connector.getLocalPort(),
                "[::1]:" + connector.getLocalPort()), connections, managementApiLatency, scheduler));
        if (identityProvider != null) {
            handlers.add(identityProvider);
        }
        Optional<Route> connect = Optional.ofNullable(routes.get("$connect"));
        boolean apiKeyInHeader = connect.map(Route::apiKeyRequired).orElse(false) && api.apiKeySource() == ApiKeySource.HEADER;
        handlers.add(new DevelopmentPage("ws://" + authority(), developmentToken, String.join(".", api.routeSelection().bodyPath()),
                routes.keySet().stream().filter(key -> !key.startsWith("$")).toList(), apiKeyInHeader));
        webSockets.setHandler(new Handler.Sequence(handlers));
        server.setHandler(webSockets);
        server.start();
    }

    public void stop() {
        scheduler.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The gateway did not stop cleanly", e);
        }
    }
}
