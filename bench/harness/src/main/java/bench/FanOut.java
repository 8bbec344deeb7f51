// SPDX-License-Identifier: Apache-2.0

package bench;

import dev.websocketkit.local.aws.LocalAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Many clients on the local gateway, and how long until every one of them has a message. */
final class FanOut implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<WebSocket> clients = new ArrayList<>();
    private volatile CountDownLatch arrivals = new CountDownLatch(0);

    FanOut(URI uri, Map<String, String> headers, int count) {
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (last) {
                    arrivals.countDown();
                }
                webSocket.request(1);
                return null;
            }
        };
        List<CompletableFuture<WebSocket>> connecting = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WebSocket.Builder builder = http.newWebSocketBuilder();
            headers.forEach(builder::header);
            connecting.add(builder.buildAsync(uri, listener));
            if (connecting.size() == 50) {
                connecting.forEach(connection -> clients.add(connection.join()));
                connecting.clear();
            }
        }
        connecting.forEach(connection -> clients.add(connection.join()));
    }

    /** Milliseconds from one client's broadcast message until every client has received it. */
    double broadcast() throws InterruptedException {
        arrivals = new CountDownLatch(clients.size());
        long start = System.nanoTime();
        clients.get(0).sendText("{\"message\": \"broadcast\", \"body\": \"Hello, everyone\"}", true).join();
        await();
        return (System.nanoTime() - start) / 1e6;
    }

    /** Milliseconds for the same posts sent straight to the Management API, all at once. */
    double postDirectly(String callbackUrl, List<String> connectionIds) throws InterruptedException {
        arrivals = new CountDownLatch(connectionIds.size());
        long start = System.nanoTime();
        for (String connectionId : connectionIds) {
            http.sendAsync(HttpRequest.newBuilder(URI.create(callbackUrl + "/@connections/" + connectionId))
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID + "/bench")
                    .POST(HttpRequest.BodyPublishers.ofString("\"Hello, everyone\"")).build(), HttpResponse.BodyHandlers.discarding());
        }
        await();
        return (System.nanoTime() - start) / 1e6;
    }

    private void await() throws InterruptedException {
        if (!arrivals.await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException(arrivals.getCount() + " clients never got the message");
        }
    }

    @Override
    public void close() {
        clients.forEach(client -> client.abort());
    }
}
