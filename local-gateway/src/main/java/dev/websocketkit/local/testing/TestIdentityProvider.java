// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * An identity provider for authorizer tests: an RSA and an EC key pair, their public halves served
 * as a JWKS on a loopback port, and tokens signed with them, or with any key a test brings, from
 * claims and headers the test makes as valid or as broken as it likes. It counts the downloads of
 * its JWKS, publishes and withdraws keys as a provider rotating them does, and answers as a failing
 * one does on demand.
 *
 * <pre>{@code
 * try (TestIdentityProvider identityProvider = TestIdentityProvider.start()) {
 *     // an authorizer configured with identityProvider.jwksUrl(), ISSUER and AUDIENCE, then:
 *     identityProvider.token();                                                    // RS256, valid for an hour
 *     identityProvider.token(claims -> claims.expirationTime(anHourAgo));          // expired
 *     identityProvider.token(header -> header.keyID("unknown"), claims -> claims); // signed, by no key of the JWKS
 *     identityProvider.respondWith(503, "{}");                                     // the provider is down
 * }
 * }</pre>
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String ISSUER = "https://idp.example.test";
    public static final String AUDIENCE = "test-clients";
    /** The subject of its tokens, unless a test changes their claims. */
    public static final String SUBJECT = "user-42";
    public static final String RSA_KEY_ID = "rsa-1";
    public static final String EC_KEY_ID = "ec-1";

    private static final String JWKS_PATH = "/.well-known/jwks.json";

    private final RSAKey rsaKey;
    private final ECKey ecKey;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger downloads = new AtomicInteger();
    private final HttpServer server;
    /** A thread per request, so that a test's slow client does not hold up the next one. */
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "test-identity-provider");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Answer answer;

    private record Answer(int status, String body) {
    }

    private TestIdentityProvider(RSAKey rsaKey, ECKey ecKey) {
        this.rsaKey = rsaKey;
        this.ecKey = ecKey;
        published.add(rsaKey.toPublicJWK());
        published.add(ecKey.toPublicJWK());
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The test identity provider found no free port", e);
        }
        server.createContext(JWKS_PATH, this::serveKeys);
        server.setExecutor(threads);
        server.start();
    }

    /** Makes its key pairs, publishes both, and serves them on a free loopback port. */
    public static TestIdentityProvider start() {
        try {
            return new TestIdentityProvider(new RSAKeyGenerator(2048).keyID(RSA_KEY_ID).generate(),
                    new ECKeyGenerator(Curve.P_256).keyID(EC_KEY_ID).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make the test identity provider's key pairs", e);
        }
    }

    public String jwksUrl() {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + JWKS_PATH;
    }

    /** How often its JWKS was requested so far, whatever it answered. */
    public int downloads() {
        return downloads.get();
    }

    /** Its RSA key pair, {@value #RSA_KEY_ID}, which signs its tokens unless a test names another key. */
    public RSAKey rsaKey() {
        return rsaKey;
    }

    /** Its EC key pair (P-256), {@value #EC_KEY_ID}. */
    public ECKey ecKey() {
        return ecKey;
    }

    /** An RS256 token for {@link #SUBJECT} from this provider for {@link #AUDIENCE}, valid from now for an hour. */
    public String token() {
        return token(rsaKey, header -> header, claims -> claims);
    }

    /** A token signed like {@link #token()}, with the valid claims changed by {@code claims}. */
    public String token(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return token(rsaKey, header -> header, claims);
    }

    /** A token signed with its RSA key, the header ({@code RS256} and the key's id) changed by {@code header}. */
    public String token(UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return token(rsaKey, header, claims);
    }

    /**
     * A token signed with {@code key}, published or not: RS256 for an RSA key, ES256 for an EC key,
     * HS256 for a secret (an {@link OctetSequenceKey}); the header starts with that algorithm and the
     * key's id, and {@code header} may change both, or replace the builder.
     */
    public String token(JWK key, UnaryOperator<JWSHeader.Builder> header, UnaryOperator<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder valid = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(SUBJECT)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        SignedJWT token = new SignedJWT(header.apply(new JWSHeader.Builder(algorithm(key)).keyID(key.getKeyID())).build(),
                claims.apply(valid).build());
        try {
            token.sign(signer(key));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("Cannot sign with " + key.getKeyType() + " key " + key.getKeyID() + ": " + e.getMessage(), e);
        }
        return token.serialize();
    }

    /** Adds the public half of {@code key} to the JWKS, as a provider rotating its keys does. */
    public void publish(JWK key) {
        published.add(key.toPublicJWK());
    }

    /** Removes a key from the JWKS, as a provider does with a compromised one. */
    public void withdraw(String keyId) {
        published.removeIf(key -> keyId.equals(key.getKeyID()));
    }

    /** From now on, every request for the JWKS gets this answer instead, as from a provider that fails. */
    public void respondWith(int status, String body) {
        answer = new Answer(status, body);
    }

    /** From now on, the JWKS is served again. */
    public void serveKeys() {
        answer = null;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        downloads.incrementAndGet();
        Answer given = answer;
        byte[] body = (given == null ? new JWKSet(List.copyOf(published)).toString() : given.body()).getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(given == null ? 200 : given.status(), body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException clientGaveUp) {
            // A client that stopped reading, one that enforces a size limit for instance: nothing to answer.
        }
    }

    private static JWSAlgorithm algorithm(JWK key) {
        if (key instanceof RSAKey) {
            return JWSAlgorithm.RS256;
        }
        if (key instanceof ECKey) {
            return JWSAlgorithm.ES256;
        }
        if (key instanceof OctetSequenceKey) {
            return JWSAlgorithm.HS256;
        }
        throw new IllegalArgumentException("No signing algorithm for a " + key.getKeyType() + " key");
    }

    private static JWSSigner signer(JWK key) throws JOSEException {
        if (key instanceof RSAKey rsa) {
            return new RSASSASigner(rsa);
        }
        if (key instanceof ECKey ec) {
            return new ECDSASigner(ec);
        }
        return new MACSigner((OctetSequenceKey) key);
    }
}
