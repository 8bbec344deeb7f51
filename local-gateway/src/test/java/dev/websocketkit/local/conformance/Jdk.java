// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JDK's {@code java.net.http.WebSocket}: it sets headers, shows a refused handshake's status,
 * headers and body ({@link WebSocketHandshakeException#getResponse()}), offers no compression, and
 * goes on without a subprotocol when the server accepts none of those offered, as RFC 6455 allows.
 * It cuts every message into frames of at most 16 KB by itself
 * ({@code jdk.httpclient.websocket.intermediateBufferSize}): where a test needs one frame of an exact
 * size ({@link Connect#exactFrames()}), this kind writes the frames on a plain socket
 * ({@link RawSocketConnection}), which also shows the frames each message arrives in.
 */
final class Jdk implements ClientKind {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private int counter;

    @Override
    public String name() {
        return "JDK " + Runtime.version().feature() + " java.net.http";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SENDS_HEADERS, Capability.SEES_REFUSALS, Capability.CONNECTS_WITHOUT_COMPRESSION,
                Capability.CONNECTS_IN_PARALLEL, Capability.SENDS_ONE_FRAME, Capability.SENDS_FRAGMENTS, Capability.SEES_FRAMES);
    }

    /** Nothing to start: the client is part of this JVM. */
    @Override
    public void start() {
    }

    @Override
    public synchronized Connection connect(Connect request) {
        if (request.compression().orElse(false)) {
            throw new IllegalArgumentException("The JDK's WebSocket client offers no compression");
        }
        String id = "j" + ++counter;
        Connection connection = request.wantsExactFrames()
                ? new RawSocketConnection(request, "JDK plain socket " + id + " to " + request.uri())
                : new JdkConnection(request, name() + " client " + id + " to " + request.uri());
        connections.add(connection);
        return connection;
    }

    /** What {@code java.net.http} sends, as its HTTP requests do. */
    @Override
    public Optional<String> userAgent() {
        return Optional.of("Java-http-client/" + System.getProperty("java.version"));
    }

    @Override
    public void reset() {
        for (Connection connection : connections) {
            if (connection instanceof JdkConnection jdk) {
                jdk.abort();
            } else {
                ((RawSocketConnection) connection).abort();
            }
        }
        connections.clear();
    }

    @Override
    public void stop() {
        // Java 17's HttpClient has no shutdown: its threads are daemons, and go with the client.
        reset();
    }

    @Override
    public String toString() {
        return name();
    }

    private final class JdkConnection extends Connection implements WebSocket.Listener {

        private final StringBuilder text = new StringBuilder();
        private final CompletableFuture<WebSocket> socket;

        JdkConnection(Connect request, String description) {
            super(description);
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(WAIT);
            request.headers().forEach(builder::header);
            List<String> offered = request.subprotocols();
            if (!offered.isEmpty()) {
                builder.subprotocols(offered.get(0), offered.subList(1, offered.size()).toArray(String[]::new));
            }
            socket = builder.buildAsync(request.uri(), this).toCompletableFuture();
            socket.whenComplete((opened, error) -> {
                if (error != null) {
                    failed(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
                }
            });
        }

        private void failed(Throwable error) {
            if (error instanceof WebSocketHandshakeException refusal) {
                HttpResponse<?> response = refusal.getResponse();
                happened(new Refused(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                        response.headers().firstValue("Connection").orElse(null),
                        response.body() == null ? "" : String.valueOf(response.body())));
            } else {
                happened(new Problem(error.toString()));
                happened(new Closed(1006, ""));
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            happened(new Opened(webSocket.getSubprotocol(), ""));
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                happened(new Message(false, text.toString(), List.of()));
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            happened(new Message(true, new String(bytes, StandardCharsets.ISO_8859_1), List.of()));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            happened(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            happened(new Problem(error.toString()));
            happened(new Closed(1006, ""));
        }

        private WebSocket open() {
            try {
                return socket.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(this + ": interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError(this + ": not open: " + e, e);
            }
        }

        private void await(CompletableFuture<WebSocket> written, String what) {
            try {
                written.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(this + ": interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new AssertionError(this + ": could not send " + what + ": " + e + "; so far: " + history(), e);
            }
        }

        @Override
        public void send(String text) {
            await(open().sendText(text, true), "a message");
        }

        /** {@code sendText(part, false)} for each fragment but the last; the JDK may cut each further into frames of 16 KB. */
        @Override
        public void sendFragments(String text, int fragmentBytes) {
            List<String> parts = fragments(text, fragmentBytes);
            for (int i = 0; i < parts.size(); i++) {
                await(open().sendText(parts.get(i), i == parts.size() - 1), "fragment " + (i + 1) + " of " + parts.size());
            }
        }

        @Override
        public void sendBinary(byte[] data) {
            await(open().sendBinary(ByteBuffer.wrap(data), true), "a binary message");
        }

        @Override
        public void close() {
            if (socket.isDone() && !socket.isCompletedExceptionally()) {
                WebSocket webSocket = socket.join();
                if (!webSocket.isOutputClosed()) {
                    webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
                }
            }
        }

        void abort() {
            socket.thenAccept(WebSocket::abort);
        }
    }

    /** Splits ASCII or any UTF-8 text into parts of at most {@code bytes} bytes, never inside a character. */
    static List<String> fragments(String text, int bytes) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int size = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (size + length > bytes) {
                parts.add(part.toString());
                part.setLength(0);
                size = 0;
            }
            part.appendCodePoint(codePoint);
            size += length;
            i += Character.charCount(codePoint);
        }
        parts.add(part.toString());
        return parts;
    }
}
