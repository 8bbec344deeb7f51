// SPDX-License-Identifier: Apache-2.0

package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * N WebSocket clients at once, each sending M messages and waiting for each reply (up to ten
 * seconds) before the next. A reply that does not come is counted lost.
 */
final class EchoLoad {

    /** {@code received} counts the replies that came; {@code wrong} those that were not the echo of what was sent. */
    record Result(double messagesPerSecond, double p50Millis, double p99Millis, long received, long wrong) {
    }

    static Result run(URI uri, Map<String, String> headers, String message, int clients, int messagesEach) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Client> connected = new ArrayList<>();
        List<CompletableFuture<Client>> connecting = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connecting.add(Client.connect(http, uri, headers));
            if (connecting.size() == 50 || i == clients - 1) {
                connecting.forEach(client -> connected.add(client.join()));
                connecting.clear();
            }
        }
        for (Client client : connected) {
            client.roundTrips(message, 1);
        }
        long start = System.nanoTime();
        List<CompletableFuture<List<Long>>> work = new ArrayList<>();
        for (Client client : connected) {
            work.add(CompletableFuture.supplyAsync(() -> client.roundTrips(message, messagesEach), Benchmark.THREADS));
        }
        List<Long> roundTrips = new ArrayList<>();
        for (CompletableFuture<List<Long>> done : work) {
            roundTrips.addAll(done.get(30, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        connected.forEach(Client::close);
        long wrong = connected.stream().mapToLong(client -> client.wrongReplies).sum();
        Collections.sort(roundTrips);
        return new Result(roundTrips.size() / seconds, percentile(roundTrips, 50), percentile(roundTrips, 99), roundTrips.size(), wrong);
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        if (sortedNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static final class Client implements WebSocket.Listener {
        private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket webSocket;
        private long wrongReplies;

        static CompletableFuture<Client> connect(HttpClient http, URI uri, Map<String, String> headers) {
            Client client = new Client();
            WebSocket.Builder builder = http.newWebSocketBuilder();
            headers.forEach(builder::header);
            return builder.buildAsync(uri, client).thenApply(webSocket -> {
                client.webSocket = webSocket;
                return client;
            });
        }

        /** The round-trip times of the replies that came; a message without a reply in ten seconds is left out. */
        List<Long> roundTrips(String message, int count) {
            List<Long> nanos = new ArrayList<>(count);
            String echo = "\"" + message.replaceAll(".*\"body\": \"([^\"]*)\".*", "$1") + "\"";
            try {
                for (int i = 0; i < count; i++) {
                    long sent = System.nanoTime();
                    webSocket.sendText(message, true).join();
                    String reply = replies.poll(10, TimeUnit.SECONDS);
                    if (reply != null) {
                        nanos.add(System.nanoTime() - sent);
                        if (!reply.equals(echo)) {
                            wrongReplies++;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return nanos;
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
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((ignored, error) -> null).join();
        }
    }
}
