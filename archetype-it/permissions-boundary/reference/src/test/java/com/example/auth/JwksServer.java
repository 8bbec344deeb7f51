package com.example.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An identity provider's JWKS endpoint on a real HTTP server, counting how often it is fetched.
 * It can rotate and withdraw keys, and misbehave the ways a real endpoint does.
 */
final class JwksServer implements AutoCloseable {

    /** How the endpoint answers. */
    enum Behaviour { SERVE, FAIL_WITH_503, FAIL_ONCE_WITH_503, ANSWER_TOO_SLOWLY, SERVE_OVERSIZED, SERVE_MALFORMED }

    private final HttpServer server;
    /** A thread per request, so that a slow answer does not hold up the next one. */
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<JWK> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.SERVE;

    JwksServer(List<JWK> publicKeys) {
        keys.addAll(publicKeys);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", this::answer);
        server.setExecutor(executor);
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** Publishes another key, as an identity provider does when it rotates keys. */
    void publish(JWK publicKey) {
        keys.add(publicKey);
    }

    /** Withdraws a key, as an identity provider does with a compromised one. */
    void withdraw(JWK publicKey) {
        keys.removeIf(key -> key.getKeyID().equals(publicKey.getKeyID()));
    }

    void behave(Behaviour behaviour) {
        this.behaviour = behaviour;
    }

    int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        downloads.incrementAndGet();
        switch (behaviour) {
            case FAIL_WITH_503 -> respond(exchange, 503, "{}");
            case FAIL_ONCE_WITH_503 -> {
                behaviour = Behaviour.SERVE;
                respond(exchange, 503, "{}");
            }
            case ANSWER_TOO_SLOWLY -> {
                sleep(Duration.ofMillis(JwksKeys.READ_TIMEOUT_MILLIS + 1_000));
                respond(exchange, 200, jwks());
            }
            case SERVE_OVERSIZED -> respond(exchange, 200, jwks().replace("{\"keys\"", "{\"padding\":\""
                    + "x".repeat(JwksKeys.SIZE_LIMIT_BYTES) + "\",\"keys\""));
            case SERVE_MALFORMED -> respond(exchange, 200, "<html>Sign in</html>");
            case SERVE -> respond(exchange, 200, jwks());
        }
    }

    private String jwks() {
        return new JWKSet(List.copyOf(keys)).toString();
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException clientGaveUp) {
            // The verifier timed out and closed the connection, as it should.
        } finally {
            exchange.close();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
