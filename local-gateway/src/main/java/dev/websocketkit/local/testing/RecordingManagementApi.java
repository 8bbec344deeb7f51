// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server standing in for the API Gateway Management API of one stage, for handler
 * tests: it records what a handler's SDK client posts to the stage and answers like API Gateway,
 * including 403 for another stage, 410 Gone for connections marked gone and 500 for connections
 * marked failing. It can also wait
 * before answering, as the real one does across a network.
 */
public final class RecordingManagementApi implements AutoCloseable {

    private static final Pattern CONNECTION_PATH = Pattern.compile("/([^/]+)/@connections/([^/]+)");

    private final String stage;
    private final HttpServer server;
    private final List<Post> posts = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile Duration latency = Duration.ZERO;

    private record Post(String connectionId, String data) {
    }

    public RecordingManagementApi(String stage) {
        this.stage = stage;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "management-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The stage's callback URL, as handlers get it: {@code http://127.0.0.1:<port>/<stage>}. */
    public URI callbackUrl() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/" + stage);
    }

    /** From now on, posts to this connection answer 410 Gone, as for a client that has left. */
    public void markGone(String connectionId) {
        failures.put(connectionId, 410);
    }

    /** From now on, posts to this connection answer 500. */
    public void markFailing(String connectionId) {
        failures.put(connectionId, 500);
    }

    /** From now on, every answer waits this long. */
    public void latency(Duration latency) {
        this.latency = latency;
    }

    /** How many posts reached a connection so far. */
    public int postCount() {
        return posts.size();
    }

    public List<String> dataPostedTo(String connectionId) {
        return posts.stream().filter(post -> post.connectionId().equals(connectionId)).map(Post::data).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Thread.sleep(latency.toMillis());
            Matcher path = CONNECTION_PATH.matcher(exchange.getRequestURI().getPath());
            if (!path.matches() || !exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 404, "{\"message\":\"Not Found\"}");
                return;
            }
            if (!path.group(1).equals(stage)) {
                reply(exchange, 403, "{\"message\":\"Forbidden\"}");
                return;
            }
            String connectionId = path.group(2);
            int failure = failures.getOrDefault(connectionId, 0);
            if (failure == 410) {
                // API Gateway names the error in this header; the SDK maps it to GoneException.
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "GoneException");
                reply(exchange, 410, "{\"message\":null}");
                return;
            }
            if (failure != 0) {
                reply(exchange, failure, "{\"message\":\"Internal server error\"}");
                return;
            }
            String data = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            posts.add(new Post(connectionId, data));
            reply(exchange, 200, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
