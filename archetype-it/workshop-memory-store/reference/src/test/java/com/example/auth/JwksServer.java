package com.example.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** An identity provider's JWKS endpoint on a real HTTP server, counting how often it is fetched. */
final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final List<JWK> keys = new CopyOnWriteArrayList<>();
    private final AtomicInteger downloads = new AtomicInteger();

    JwksServer(List<JWK> publicKeys) {
        keys.addAll(publicKeys);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/.well-known/jwks.json", exchange -> {
            downloads.incrementAndGet();
            byte[] body = new JWKSet(List.copyOf(keys)).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    /** Publishes another key, as an identity provider does when it rotates keys. */
    void publish(JWK publicKey) {
        keys.add(publicKey);
    }

    int downloads() {
        return downloads.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
