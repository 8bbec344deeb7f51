// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Node's ws (the library wscat is built on), many clients in one Node process: {@code driver.mjs}
 * of {@code src/test/node}, which the build installs with its locked dependencies in
 * {@code target/node} and names in the system property {@code conformance.nodeDir}. Commands go to
 * its standard input and events come from its standard output, one JSON object a line; its
 * diagnostics go to {@code driver.log} beside it. ws sends each message as one frame, offers
 * {@code permessage-deflate} unless told not to, sends no {@code User-Agent}, and shows a refused
 * handshake's whole answer through its {@code unexpected-response} event.
 */
final class NodeWs implements ClientKind {

    private final Map<String, NodeConnection> connections = new ConcurrentHashMap<>();
    private final CompletableFuture<Map<String, Object>> ready = new CompletableFuture<>();
    private Process process;
    private Writer commands;
    private Path log;
    private String version = "";
    private int counter;

    @Override
    public String name() {
        return "Node ws" + (version.isEmpty() ? "" : " " + version);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.SENDS_HEADERS, Capability.SEES_REFUSALS, Capability.OFFERS_COMPRESSION,
                Capability.CONNECTS_WITHOUT_COMPRESSION, Capability.CONNECTS_IN_PARALLEL, Capability.SENDS_ONE_FRAME, Capability.SENDS_FRAGMENTS,
                Capability.FAILS_WITHOUT_AN_OFFERED_SUBPROTOCOL);
    }

    @Override
    public synchronized Connection connect(Connect request) {
        start();
        String id = "n" + ++counter;
        NodeConnection connection = new NodeConnection(id, name() + " client " + id + " to " + request.uri());
        connections.put(id, connection);
        Map<String, Object> command = command("connect", id);
        command.put("url", request.uri().toString());
        command.put("headers", request.headers());
        command.put("protocols", request.subprotocols());
        command.put("perMessageDeflate", request.compression().orElse(true));
        write(command);
        return connection;
    }

    @Override
    public Optional<String> userAgent() {
        return Optional.empty();
    }

    @Override
    public synchronized void reset() {
        for (NodeConnection connection : connections.values()) {
            Map<String, Object> close = command("close", connection.id);
            close.put("code", 1000);
            close.put("reason", "test over");
            write(close);
        }
        connections.clear();
    }

    @Override
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            write(Map.of("op", "exit"));
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (UncheckedIOException e) {
            process.destroyForcibly();
        }
        process = null;
    }

    @Override
    public String toString() {
        return name();
    }

    /** The directory the build installed the Node.js clients in. */
    static Path nodeDirectory() {
        String dir = System.getProperty("conformance.nodeDir");
        if (dir == null || !Files.isDirectory(Path.of(dir, "node_modules", "ws"))) {
            throw new IllegalStateException("No Node.js clients installed in conformance.nodeDir=" + dir
                    + ": run the conformance ITs through Maven (./mvnw verify), which installs src/test/node into target/node");
        }
        return Path.of(dir);
    }

    @Override
    public synchronized void start() {
        if (process != null) {
            return;
        }
        Path dir = nodeDirectory();
        log = dir.resolve("driver.log");
        try {
            process = new ProcessBuilder(System.getProperty("conformance.node", "node"), "driver.mjs")
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Node.js did not start (is `node` on the PATH?)", e);
        }
        commands = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readEvents, "node-ws-events");
        reader.setDaemon(true);
        reader.start();
        try {
            Map<String, Object> hello = ready.get(Connection.WAIT.toSeconds(), TimeUnit.SECONDS);
            version = String.valueOf(hello.get("ws"));
        } catch (TimeoutException e) {
            throw new AssertionError("The Node driver did not say it was ready within " + Connection.WAIT.toSeconds() + " s; see " + log);
        } catch (Exception e) {
            throw new AssertionError("The Node driver did not start; see " + log, e);
        }
    }

    private void readEvents() {
        try (BufferedReader events = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = events.readLine(); line != null; line = events.readLine()) {
                Map<String, Object> event = JSON.std.mapFrom(line);
                if ("ready".equals(event.get("event"))) {
                    ready.complete(event);
                    continue;
                }
                NodeConnection connection = connections.get(String.valueOf(event.get("id")));
                if (connection != null) {
                    connection.driver(event);
                }
            }
        } catch (IOException | RuntimeException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("The Node driver's output ended"));
    }

    private synchronized void write(Map<String, Object> command) {
        try {
            commands.write(JSON.std.asString(command));
            commands.write('\n');
            commands.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("The Node driver takes no more commands; see " + log, e);
        }
    }

    private static Map<String, Object> command(String op, String id) {
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("op", op);
        command.put("id", id);
        return command;
    }

    private final class NodeConnection extends Connection {

        private final String id;
        /** The answers to send commands: {@code sent} or {@code failed}. */
        private final BlockingQueue<Map<String, Object>> answers = new LinkedBlockingQueue<>();

        NodeConnection(String id, String description) {
            super(description);
            this.id = id;
        }

        void driver(Map<String, Object> event) {
            switch (String.valueOf(event.get("event"))) {
                case "open" -> happened(new Opened((String) event.get("protocol"), (String) event.get("extensions")));
                case "refused" -> happened(new Refused(((Number) event.get("status")).intValue(), (String) event.get("contentType"),
                        (String) event.get("connection"), (String) event.get("body")));
                case "error" -> happened(new Problem((String) event.get("message")));
                case "message" -> happened(Boolean.TRUE.equals(event.get("binary"))
                        ? new Message(true, new String(Base64.getDecoder().decode((String) event.get("base64")), StandardCharsets.ISO_8859_1), List.of())
                        : new Message(false, (String) event.get("text"), List.of()));
                case "close" -> happened(new Closed(((Number) event.get("code")).intValue(), (String) event.get("reason")));
                case "sent", "failed" -> answers.add(event);
                default -> happened(new Problem("unknown driver event " + event));
            }
        }

        @Override
        public void send(String text) {
            Map<String, Object> command = command("send", id);
            command.put("text", text);
            run(command);
        }

        /** ws writes a message as one frame: send is that already. */
        @Override
        public void sendOneFrame(String text) {
            send(text);
        }

        @Override
        public void sendFragments(String text, int fragmentBytes) {
            Map<String, Object> command = command("sendFragments", id);
            command.put("text", text);
            command.put("fragmentBytes", fragmentBytes);
            run(command);
        }

        @Override
        public void sendBinary(byte[] data) {
            Map<String, Object> command = command("sendBinary", id);
            command.put("base64", Base64.getEncoder().encodeToString(data));
            run(command);
        }

        @Override
        public void close() {
            Map<String, Object> command = command("close", id);
            command.put("code", 1000);
            command.put("reason", "done");
            write(command);
        }

        /** Sends a command and waits until ws has written what it asked. */
        private void run(Map<String, Object> command) {
            write(command);
            try {
                Map<String, Object> answer = answers.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                if (answer == null) {
                    throw new AssertionError(this + ": ws did not write " + command.get("op") + " within " + WAIT.toSeconds() + " s; so far: " + history());
                }
                if ("failed".equals(answer.get("event"))) {
                    throw new AssertionError(this + ": ws could not " + command.get("op") + ": " + answer.get("message"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(this + ": interrupted", e);
            }
        }
    }
}
