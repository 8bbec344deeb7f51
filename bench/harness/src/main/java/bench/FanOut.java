// SPDX-License-Identifier: Apache-2.0

package bench;

import dev.websocketkit.local.internal.account.LocalAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many clients on the local gateway, and how long until every one of them has a message. Each
 * message is told apart by its text, so a client that gets it twice is not taken for one that
 * missed it.
 */
final class FanOut implements AutoCloseable {

    /** How a broadcast went: the time until the last client had it, or until giving up. */
    record Result(double millis, int missed, int duplicates) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> clients = new ArrayList<>();
    private final List<AtomicInteger> arrivals = new ArrayList<>();
    private final AtomicInteger reached = new AtomicInteger();
    private volatile String expected = "";

    FanOut(URI uri, Map<String, String> headers, int count) {
        List<CompletableFuture<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            AtomicInteger received = new AtomicInteger();
            arrivals.add(received);
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            connecting.add(builder.buildAsync(uri, listener(received)));
            if (connecting.size() == 50) {
                connecting.forEach(connection -> clients.add(connection.join()));
                connecting.clear();
            }
        }
        connecting.forEach(connection -> clients.add(connection.join()));
    }

    private WebSocket.Listener listener(AtomicInteger received) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    if (text.toString().contains(expected) && received.incrementAndGet() == 1) {
                        reached.incrementAndGet();
                    }
                    text.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }

    int size() {
        return clients.size();
    }

    /** One client broadcasts {@code text}; waits until every client has it, or {@code timeoutSeconds}. */
    Result broadcast(String text, int timeoutSeconds) throws InterruptedException {
        expect(text);
        long start = System.nanoTime();
        clients.get(0).sendText("{\"message\": \"broadcast\", \"body\": \"" + text + "\"}", true).join();
        return await(start, timeoutSeconds);
    }

    /**
     * The same posts sent straight to the Management API by this process, {@code inFlight} at a
     * time: the limit of the local gateway, with no function, queue or store in the way. (All
     * 10,000 at once would measure the JDK client's connection handling instead.)
     */
    Result postDirectly(String callbackUrl, List<String> connectionIds, String text, int inFlight) throws InterruptedException {
        expect(text);
        Semaphore window = new Semaphore(inFlight);
        long start = System.nanoTime();
        for (String connectionId : connectionIds) {
            window.acquire();
            http.sendAsync(HttpRequest.newBuilder(URI.create(callbackUrl + "/@connections/" + connectionId))
                            .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID + "/bench")
                            .POST(HttpRequest.BodyPublishers.ofString("\"" + text + "\"")).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> window.release());
        }
        return await(start, 120);
    }

    private void expect(String text) {
        arrivals.forEach(received -> received.set(0));
        reached.set(0);
        expected = text;
    }

    private Result await(long start, int timeoutSeconds) throws InterruptedException {
        long deadline = start + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long last = System.nanoTime();
        while (reached.get() < clients.size() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
            last = System.nanoTime();
        }
        double millis = (last - start) / 1e6;
        // Late duplicates of at-least-once delivery show up after the last first arrival.
        TimeUnit.SECONDS.sleep(1);
        int duplicates = arrivals.stream().mapToInt(received -> Math.max(0, received.get() - 1)).sum();
        return new Result(millis, clients.size() - reached.get(), duplicates);
    }

    @Override
    public void close() {
        clients.forEach(WebSocket::abort);
    }
}
