package bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** N WebSocket clients, each sending M messages and waiting for each reply before the next. */
final class EchoLoad {

    record Result(double messagesPerSecond, double p50Millis, double p99Millis) {
    }

    static Result run(URI uri, Map<String, String> headers, String message, int clients, int messagesEach) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Client> connected = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            connected.add(new Client(http, uri, headers));
        }
        for (Client client : connected) {
            client.exchange(message);
        }
        long start = System.nanoTime();
        List<CompletableFuture<List<Long>>> work = new ArrayList<>();
        for (Client client : connected) {
            work.add(CompletableFuture.supplyAsync(() -> client.roundTrips(message, messagesEach), Benchmark.THREADS));
        }
        List<Long> roundTrips = new ArrayList<>();
        for (CompletableFuture<List<Long>> done : work) {
            roundTrips.addAll(done.get(10, TimeUnit.MINUTES));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        connected.forEach(Client::close);
        Collections.sort(roundTrips);
        return new Result(roundTrips.size() / seconds, percentile(roundTrips, 50), percentile(roundTrips, 99));
    }

    private static double percentile(List<Long> sortedNanos, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, index)) / 1e6;
    }

    private static final class Client implements WebSocket.Listener {
        private final SynchronousQueue<String> replies = new SynchronousQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket webSocket;

        Client(HttpClient http, URI uri, Map<String, String> headers) {
            WebSocket.Builder builder = http.newWebSocketBuilder();
            headers.forEach(builder::header);
            webSocket = builder.buildAsync(uri, this).join();
        }

        String exchange(String message) {
            webSocket.sendText(message, true).join();
            try {
                String reply = replies.poll(30, TimeUnit.SECONDS);
                if (reply == null) {
                    throw new IllegalStateException("no reply within 30 s");
                }
                return reply;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        List<Long> roundTrips(String message, int count) {
            List<Long> nanos = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long sent = System.nanoTime();
                exchange(message);
                nanos.add(System.nanoTime() - sent);
            }
            return nanos;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                try {
                    replies.put(message);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            webSocket.request(1);
            return null;
        }

        void close() {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((ignored, error) -> null).join();
        }
    }
}
