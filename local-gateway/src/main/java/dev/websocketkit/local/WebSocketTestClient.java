// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A WebSocket client on the JDK's {@code java.net.http.WebSocket} that keeps what it receives. Connect one with a {@link Handshake}. */
public final class WebSocketTestClient implements AutoCloseable {

    private final Patience patience;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final WebSocket.Listener listener = new Listener();
    private WebSocket webSocket;

    WebSocketTestClient(Patience patience) {
        this.patience = patience;
    }

    WebSocket.Listener listener() {
        return listener;
    }

    void connected(WebSocket webSocket) {
        this.webSocket = webSocket;
    }

    /** The subprotocol the server accepted; empty when none. */
    public String subprotocol() {
        return webSocket.getSubprotocol();
    }

    /** Sends a text message and waits until it is written. */
    public void send(String text) {
        webSocket.sendText(text, true).join();
    }

    /** Starts sending without waiting: the server may close the connection before the message is out. */
    public void sendWithoutWaiting(String text) {
        webSocket.sendText(text, true);
    }

    /** Sends a message split into text frames of at most {@code frameSize} characters. */
    public void sendInFrames(String text, int frameSize) {
        for (int start = 0; start < text.length(); start += frameSize) {
            int end = Math.min(text.length(), start + frameSize);
            webSocket.sendText(text.substring(start, end), end == text.length()).join();
        }
    }

    public void sendBinary(byte[] data) {
        webSocket.sendBinary(ByteBuffer.wrap(data), true);
    }

    /**
     * The next message, waiting for it as long as the gateway is at work: a busy machine makes
     * everything slow, not wrong. Fails once the gateway has had nothing to do for a while, and
     * at once when the connection is closed with no message left.
     */
    public String receive() throws InterruptedException {
        return patience.await("message", millis -> {
            String message = messages.poll(millis, TimeUnit.MILLISECONDS);
            if (message == null && closeCode.isDone() && messages.isEmpty()) {
                throw new AssertionError("the connection closed (" + closeCode.handle((code, error) -> code != null ? "code " + code
                        : error.toString()).join() + ") while a message was awaited");
            }
            return message;
        });
    }

    /** The next message, waiting no longer than {@code wait} for it. */
    public String receive(Duration wait) throws InterruptedException {
        String message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + wait);
        }
        return message;
    }

    /** Fails if a message arrives within {@code wait}. */
    public void expectNothingFor(Duration wait) throws InterruptedException {
        String message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (message != null) {
            throw new AssertionError("unexpected message " + message);
        }
    }

    /** The close code the server sent, waiting for it as {@link #receive()} waits for a message. */
    public int awaitClose() throws InterruptedException, ExecutionException {
        patience.await("close of the connection", millis -> {
            try {
                closeCode.get(millis, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException notClosedOrFailed) {
                // Done either way, or not yet.
            }
            return closeCode.isDone() ? Boolean.TRUE : null;
        });
        return closeCode.get();
    }

    /** Closes the connection if the server has not; a connection the server already dropped is fine. */
    @Override
    public void close() {
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").handle((ignored, error) -> null).join();
        }
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
