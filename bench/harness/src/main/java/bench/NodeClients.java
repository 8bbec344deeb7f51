// SPDX-License-Identifier: Apache-2.0

package bench;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Clients of Node's {@code ws} library, the one under wscat, in one Node process:
 * {@code bench/node/clients.mjs}, which says what each option does. One client that opens and
 * sends nothing unless the builder methods say otherwise; then {@link #run(URI, Map)}.
 */
final class NodeClients {

    /** What the run gave; {@code extensions} are those the first open client negotiated. */
    record Result(String wsVersion, String extensions, Connections connections, Echoes echoes) {
    }

    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private final Map<String, Object> options = new LinkedHashMap<>();

    NodeClients() {
        options.put("clients", 1);
        options.put("perSecond", 0);
        options.put("deflate", true);
        options.put("messages", 0);
        options.put("message", "");
        options.put("reply", "");
        options.put("together", false);
        options.put("handshakeTimeoutMs", 10_000);
        options.put("replyTimeoutMs", 10_000);
        options.put("deadlineMs", DEADLINE.toMillis());
    }

    /** {@code count} clients, opened {@code perSecond} a second; 0 opens them all at once. */
    NodeClients clients(int count, int perSecond) {
        options.put("clients", count);
        options.put("perSecond", perSecond);
        return this;
    }

    /** Whether the clients offer permessage-deflate, as ws does unless told not to. */
    NodeClients deflate(boolean deflate) {
        options.put("deflate", deflate);
        return this;
    }

    /** Each client sends {@code message} {@code count} times, one at a time, and expects {@code reply} to each. */
    NodeClients echo(String message, String reply, int count) {
        options.put("message", message);
        options.put("reply", reply);
        options.put("messages", count);
        return this;
    }

    /** The timed round trips begin once every client is open and has made one untimed round trip. */
    NodeClients together() {
        options.put("together", true);
        return this;
    }

    /** Connects to {@code uri} with {@code headers} on the handshake, runs, and waits for the result. */
    Result run(URI uri, Map<String, String> headers) throws Exception {
        options.put("url", uri.toString());
        options.put("headers", headers);
        Path script = Path.of(System.getProperty("bench.nodeScripts"), "clients.mjs");
        Process node = new ProcessBuilder(System.getProperty("bench.node"), script.toString(), JSON.std.asString(options))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            CompletableFuture<byte[]> output = CompletableFuture.supplyAsync(() -> readAll(node));
            byte[] bytes = output.get(DEADLINE.toSeconds() + 60, TimeUnit.SECONDS);
            if (node.waitFor(30, TimeUnit.SECONDS) && node.exitValue() != 0) {
                throw new IllegalStateException("the Node clients exited with " + node.exitValue());
            }
            return parse(new String(bytes, StandardCharsets.UTF_8).strip());
        } finally {
            ProcessTree.stop(node.toHandle(), Duration.ofSeconds(5));
        }
    }

    private static byte[] readAll(Process node) {
        try {
            return node.getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Result parse(String json) throws Exception {
        if (json.isEmpty()) {
            throw new IllegalStateException("the Node clients printed no result");
        }
        Map<String, Object> result = JSON.std.mapFrom(json);
        if (Boolean.TRUE.equals(result.get("deadlineMissed"))) {
            throw new IllegalStateException("the Node clients did not finish within " + DEADLINE.toMinutes() + " minutes: " + json.substring(0, Math.min(500, json.length())));
        }
        Map<String, Long> refused = new LinkedHashMap<>();
        ((Map<String, Object>) result.get("refused")).forEach((status, count) -> refused.put(status, number(count)));
        Connections connections = new Connections(number(result.get("opened")), refused, number(result.get("timedOut")),
                number(result.get("failed")), (List<String>) result.get("errors"));
        List<Long> nanos = ((List<Object>) result.get("roundTripsMicros")).stream().map(micros -> Math.round(((Number) micros).doubleValue() * 1000)).toList();
        Echoes echoes = new Echoes(number(result.get("expected")), number(result.get("received")), number(result.get("wrong")),
                ((Number) result.get("seconds")).doubleValue(), nanos);
        return new Result((String) result.get("ws"), (String) result.get("extensions"), connections, echoes);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
