// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import dev.websocketkit.local.internal.log.GatewayLog;
import dev.websocketkit.local.internal.events.GatewayEvents;
import dev.websocketkit.local.internal.function.Functions;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.ApiKeySource;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.Route;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.WebSocketExtensionRegistry;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The gateway's HTTP server: WebSocket clients, the Management API and the page on one port. Handshakes and messages are handed to the functions' invocation threads, so
 * no server thread waits for a function, and a handler that calls the Management API never waits for
 * a server thread its own invocation holds. No handler waits for anything, so each request and each
 * frame is handled on the selector's thread that read it, without waking a thread of the pool.
 */
public final class GatewayServer {

    /** API Gateway's limit for a WebSocket message. */
    public static final int MAX_MESSAGE_BYTES = 128 * 1024;
    /** API Gateway's limit for a WebSocket frame. */
    public static final int MAX_FRAME_BYTES = 32 * 1024;
    /** permessage-deflate inflates each compressed message, and deflates each reply, into a buffer of this size. */
    static final int COMPRESSION_BUFFER_BYTES = MAX_MESSAGE_BYTES + 1;

    private final Server server;
    private final ServerConnector connector;
    private final String displayHost;
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread thread = Executors.defaultThreadFactory().newThread(runnable);
        thread.setName("gateway-timers");
        thread.setDaemon(true);
        return thread;
    });
    private String stage;
    private ConnectionTimeouts timeouts;

    /** Binds the port at once, so that its number is known before the functions are given their environment. */
    public static GatewayServer bind(String host, int port) {
        try {
            return new GatewayServer(host, port);
        } catch (IOException e) {
            throw new UncheckedIOException("The local gateway cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    private GatewayServer(String host, int port) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(200, 8);
        threads.setName("gateway");
        // Otherwise nearly every read looks for a reserved thread to take over the selector, finds none
        // on a busy laptop, starts one and hands the read to the pool anyway: two pool jobs, not one.
        threads.setReservedThreads(0);
        threads.setDaemon(true);
        this.server = new Server(threads, null, messageBuffers());
        HttpConfiguration http = new HttpConfiguration();
        // API Gateway names no server software in its answers.
        http.setSendServerVersion(false);
        http.setHeaderCacheSize(0);
        this.connector = new GatewayConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.open();
        server.addConnector(connector);
        this.displayHost = host;
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /**
     * Keeps buffers of {@link #COMPRESSION_BUFFER_BYTES}: Jetty's default pool keeps buffers of up to
     * 64 KB only, and would allocate, and zero, two new buffers of 128 KB for each compressed echo.
     */
    private static ArrayByteBufferPool messageBuffers() {
        return new ArrayByteBufferPool(0, -1, 2 * MAX_MESSAGE_BYTES);
    }

    ByteBufferPool bufferPool() {
        return server.getByteBufferPool();
    }

    /** {@code host:port}, as clients and the functions reach the gateway. */
    public String authority() {
        return displayHost + ":" + connector.getLocalPort();
    }

    public String stage() {
        return stage;
    }

    /** API Gateway's limits on connections, as the configuration sets them, and the latency of the Management API. */
    public record Limits(Duration idleTimeout, Duration maxConnectionDuration, int newConnectionsPerSecond, Duration managementApiLatency) {
    }

    public void start(WebSocketApiDefinition api, Map<String, Route> routes, String stage, Set<String> apiKeys, Functions functions,
                      GatewayEvents events, String developmentToken,
                      Limits limits, GatewayLog log) throws Exception {
        this.stage = stage;
        Connections connections = new Connections();
        this.timeouts = new ConnectionTimeouts(connections, limits.idleTimeout(), limits.maxConnectionDuration(), scheduler);
        MessageRouter router = new MessageRouter(api.routeSelection(), routes, functions, events, connections, log);
        WebSocketExtensionRegistry extensions = WebSocketServerComponents.ensureWebSocketComponents(server).getExtensionRegistry();
        extensions.register(FrameSizeLimit.NAME, FrameSizeLimit.class);
        extensions.register("permessage-deflate", ShortMessagesUncompressed.class);
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setMaxBinaryMessageSize(MAX_MESSAGE_BYTES);
            // FrameSizeLimit checks each frame as it arrives; Jetty's own limit is that of a whole message, to which
            // permessage-deflate may inflate a frame.
            container.setMaxFrameSize(MAX_MESSAGE_BYTES + 1);
            container.setAutoFragment(false);
            // ConnectionTimeouts closes idle connections with API Gateway's reason.
            container.setIdleTimeout(Duration.ZERO);
            // Declares the upgrades non-blocking, as the gateway's own handlers are: Jetty then handles HTTP requests on the selector's thread.
            container.setInvocationType(InvocationType.NON_BLOCKING);
        });
        List<Handler> handlers = new ArrayList<>();
        Optional<Route> connect = Optional.ofNullable(routes.get("$connect"));
        handlers.add(new HandshakeHandler(webSockets.getServerWebSocketContainer(), new NewConnectionQuota(limits.newConnectionsPerSecond()),
                connect, api.apiKeySource(), apiKeys, functions, events, router, log));
        handlers.add(new ManagementApiHandler(stage, Set.of(authority(), "127.0.0.1:" + connector.getLocalPort(),
                "[::1]:" + connector.getLocalPort()), connections, limits.managementApiLatency(), scheduler));
        boolean apiKeyInHeader = connect.map(Route::apiKeyRequired).orElse(false) && api.apiKeySource() == ApiKeySource.HEADER;
        handlers.add(new DevelopmentPage("ws://" + authority(), developmentToken, String.join(".", api.routeSelection().bodyPath()),
                routes.keySet().stream().filter(key -> !key.startsWith("$")).toList(), apiKeyInHeader));
        webSockets.setHandler(new Handler.Sequence(handlers));
        server.setHandler(webSockets);
        server.start();
    }

    public void stop() {
        if (timeouts != null) {
            timeouts.close();
        }
        scheduler.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("The gateway did not stop cleanly", e);
        }
    }
}
