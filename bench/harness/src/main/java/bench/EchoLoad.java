// SPDX-License-Identifier: Apache-2.0

package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients of the JDK's {@code java.net.http.WebSocket} at once, each making one untimed round trip,
 * then M timed ones: send, wait for the reply (up to ten seconds), send the next. A client whose
 * reply does not come stops there, so no late reply is taken for the next one.
 */
final class EchoLoad {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private EchoLoad() {
    }

    static Echoes run(URI uri, Map<String, String> headers, String message, String reply, int clients, int messagesEach) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
        List<Client> connected = new ArrayList<>();
        try {
            List<CompletableFuture<Client>> connecting = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                connecting.add(Client.connect(http, uri, headers));
            }
            for (CompletableFuture<Client> client : connecting) {
                connected.add(client.get(PATIENCE.toSeconds() * 3, TimeUnit.SECONDS));
            }
            for (Client client : connected) {
                client.roundTrips(message, reply, 1);
            }
            long start = System.nanoTime();
            List<CompletableFuture<Client>> work = new ArrayList<>();
            for (Client client : connected) {
                work.add(CompletableFuture.supplyAsync(() -> client.roundTrips(message, reply, messagesEach), Benchmark.THREADS));
            }
            List<Long> roundTrips = new ArrayList<>();
            long wrong = 0;
            for (CompletableFuture<Client> done : work) {
                Client client = done.get(30, TimeUnit.MINUTES);
                roundTrips.addAll(client.timed);
                wrong += client.wrongReplies;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Echoes((long) clients * messagesEach, roundTrips.size(), wrong, seconds, roundTrips);
        } finally {
            connected.forEach(Client::close);
            http.shutdownNow();
        }
    }

    /**
     * {@code clients} clients opened {@code perSecond} a second (0: all at once), each making
     * {@code messagesEach} timed round trips as soon as it is open; a handshake that has not
     * finished within ten seconds counts as timed out.
     */
    static Ramp ramp(URI uri, Map<String, String> headers, String message, String reply, int clients, int perSecond, int messagesEach)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(PATIENCE).build();
        List<Client> connected = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> refused = new ConcurrentHashMap<>();
        AtomicLong timedOut = new AtomicLong();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try (ExecutorService echoing = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long due = start + (perSecond == 0 ? 0 : i * 1_000_000_000L / perSecond);
                TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
                all.add(Client.connect(http, uri, headers).handle((client, failure) -> {
                    if (failure == null) {
                        connected.add(client);
                        return CompletableFuture.runAsync(() -> client.roundTrips(message, reply, messagesEach), echoing);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    if (cause instanceof WebSocketHandshakeException handshake) {
                        refused.merge(Integer.toString(handshake.getResponse().statusCode()), 1L, Long::sum);
                    } else if (cause instanceof HttpTimeoutException) {
                        timedOut.incrementAndGet();
                    } else if (errors.size() < 5) {
                        errors.add(String.valueOf(cause));
                    }
                    return CompletableFuture.completedFuture(null);
                }).thenCompose(echo -> echo));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<Long> roundTrips = new ArrayList<>();
            long wrong = 0;
            for (Client client : connected) {
                roundTrips.addAll(client.timed);
                wrong += client.wrongReplies;
            }
            long failed = clients - connected.size() - timedOut.get() - refused.values().stream().mapToLong(Long::longValue).sum();
            return new Ramp(new Connections(connected.size(), new TreeMap<>(refused), timedOut.get(), failed, List.copyOf(errors)),
                    new Echoes((long) clients * messagesEach, roundTrips.size(), wrong, seconds, roundTrips));
        } finally {
            connected.forEach(Client::close);
            http.shutdownNow();
        }
    }

    /** How a ramp's clients opened, and their round trips. */
    record Ramp(Connections connections, Echoes echoes) {
    }

    private static final class Client implements WebSocket.Listener {
        private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final List<Long> timed = new ArrayList<>();
        private WebSocket webSocket;
        private long wrongReplies;

        static CompletableFuture<Client> connect(HttpClient http, URI uri, Map<String, String> headers) {
            Client client = new Client();
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(PATIENCE);
            headers.forEach(builder::header);
            return builder.buildAsync(uri, client).thenApply(webSocket -> {
                client.webSocket = webSocket;
                return client;
            });
        }

        /** Makes {@code count} round trips; their times and wrong replies replace those of an earlier call. */
        Client roundTrips(String message, String reply, int count) {
            timed.clear();
            wrongReplies = 0;
            try {
                for (int i = 0; i < count; i++) {
                    long sent = System.nanoTime();
                    webSocket.sendText(message, true).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    String received = replies.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
                    if (received == null) {
                        break;
                    }
                    timed.add(System.nanoTime() - sent);
                    if (!received.equals(reply)) {
                        wrongReplies++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception sendFailed) {
                // Counted as the missing replies of the remaining round trips.
            }
            return this;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                replies.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            webSocket.abort();
        }
    }
}
