// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.websocketkit.local.internal.identity.IdentityProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in identity provider for local runs: a key pair, its public half served as a JWKS, and
 * RS256 tokens signed with the private half. It is a server of its own on a loopback port, as a
 * real identity provider is another service: an authorizer that downloads the keys never waits
 * behind the gateway's handshakes, however many there are. Given a file, it keeps its key pair
 * there between runs: its tokens stay valid across restarts (its issuer does not depend on its
 * port), and a start does not wait for a new RSA key.
 */
public final class DevelopmentIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "local-gateway-development";
    public static final String AUDIENCE = "local-gateway";
    private static final String JWKS_PATH = "/.well-known/jwks.json";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final HttpServer server;
    private final ExecutorService thread;
    private final CompletableFuture<RSAKey> key;

    private DevelopmentIdentityProvider(HttpServer server, ExecutorService thread, CompletableFuture<RSAKey> key) {
        this.server = server;
        this.thread = thread;
        this.key = key;
    }

    /**
     * Binds a loopback port at once, so its URLs are known; the key pair is read from
     * {@code keyFile}, or made in the background (and kept in {@code keyFile}, when given).
     */
    public static DevelopmentIdentityProvider start(Optional<Path> keyFile) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The development identity provider found no free port", e);
        }
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "development-identity-provider");
            daemon.setDaemon(true);
            return daemon;
        });
        CompletableFuture<RSAKey> key = CompletableFuture.supplyAsync(() -> keyFile.map(DevelopmentIdentityProvider::keptKey).orElseGet(
                DevelopmentIdentityProvider::newKey), thread);
        DevelopmentIdentityProvider provider = new DevelopmentIdentityProvider(server, thread, key);
        server.createContext(JWKS_PATH, provider::serveKeys);
        server.setExecutor(thread);
        server.start();
        return provider;
    }

    /** Its JWKS URL, issuer and audience, for the template's authorizer. */
    public IdentityProvider identity() {
        String jwksUrl = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + JWKS_PATH;
        return new IdentityProvider(jwksUrl, ISSUER, AUDIENCE);
    }

    /** A signed RS256 token for {@code subject}, valid from now for {@code lifetime}. */
    public String issue(String subject, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        RSAKey signing = key.join();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(new RSASSASigner(signing));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return token.serialize();
    }

    @Override
    public void close() {
        server.stop(0);
        thread.shutdownNow();
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") || !exchange.getRequestURI().getPath().equals(JWKS_PATH)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = new JWKSet(key.join().toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The key pair kept in {@code file}; a new one, kept there, when the file is missing or holds no RSA private key. */
    private static RSAKey keptKey(Path file) {
        try {
            RSAKey kept = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            if (kept.isPrivate()) {
                return kept;
            }
        } catch (IOException | ParseException noUsableKey) {
            // Made anew below.
        }
        RSAKey key = newKey();
        try {
            Path directory = Files.createDirectories(file.toAbsolutePath().getParent());
            Path written = ownerOnlyFile(directory);
            Files.writeString(written, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException notKept) {
            // A key for this run only: the next start makes another.
        }
        return key;
    }

    /** A new file that only its owner can read, where the file system has POSIX permissions. */
    private static Path ownerOnlyFile(Path directory) throws IOException {
        try {
            return Files.createTempFile(directory, "development-key", ".tmp", OWNER_ONLY);
        } catch (UnsupportedOperationException noPosixPermissions) {
            return Files.createTempFile(directory, "development-key", ".tmp");
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a development key pair", e);
        }
    }
}
