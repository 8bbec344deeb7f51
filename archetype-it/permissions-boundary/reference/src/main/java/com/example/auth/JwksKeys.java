package com.example.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The identity provider's public keys, downloaded from its JWKS URL and trusted for a limited time.
 *
 * <ul>
 *   <li>A downloaded set is trusted for {@code timeToLive}: a key the provider withdraws, a
 *       compromised one for instance, is distrusted at the latest that long after.</li>
 *   <li>In the last {@link #REFRESH_AHEAD} of that time, a verification downloads the set again; if
 *       that fails, the current set serves until it expires, so a short outage of the provider
 *       goes unnoticed.</li>
 *   <li>A token with a key id the set lacks (the provider rotated its keys) downloads the set at once,
 *       then at most every {@link #UNKNOWN_KEY_REFRESH_INTERVAL}: a flood of tokens with made-up key
 *       ids cannot make this hammer the provider, and delays a rotated key by that interval at most.
 *       Expiry downloads never wait for it.</li>
 *   <li>With no usable set, a failed download fails the verification, and the next attempt waits
 *       {@link #RETRY_INTERVAL}; the very first download is retried once at once (cold start).</li>
 * </ul>
 *
 * <p>Lambda runs one event at a time per execution environment, so a lock costs nothing here.
 */
final class JwksKeys implements JWKSource<SecurityContext> {

    static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);
    static final Duration UNKNOWN_KEY_REFRESH_INTERVAL = Duration.ofSeconds(10);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    static final int READ_TIMEOUT_MILLIS = 2_000;
    static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private final URL url;
    private final Duration timeToLive;
    private final Clock clock;
    private final ResourceRetriever retriever =
            new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES);

    private JWKSet keys;
    private Instant expiresAt = Instant.MIN;
    private Instant nextAttemptAllowed = Instant.MIN;
    private Instant nextUnknownKeyRefresh = Instant.MIN;

    JwksKeys(URL url, Duration timeToLive, Clock clock) {
        this.url = url;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        Instant now = clock.instant();
        if (!now.isBefore(expiresAt)) {
            downloadOrFail(now);
        } else if (!now.isBefore(expiresAt.minus(REFRESH_AHEAD))) {
            tryDownload(now);
        }
        List<JWK> matches = selector.select(keys);
        if (matches.isEmpty() && !now.isBefore(nextUnknownKeyRefresh)) {
            nextUnknownKeyRefresh = now.plus(UNKNOWN_KEY_REFRESH_INTERVAL);
            if (tryDownload(now)) {
                matches = selector.select(keys);
            }
        }
        return matches;
    }

    private void downloadOrFail(Instant now) throws KeySourceException {
        keys = null;
        if (now.isBefore(nextAttemptAllowed)) {
            throw new KeySourceException("JWKS unavailable; next download attempt in under " + RETRY_INTERVAL.toMillis() + " ms");
        }
        boolean coldStart = expiresAt.equals(Instant.MIN);
        try {
            download(now);
        } catch (KeySourceException firstFailure) {
            if (!coldStart) {
                throw firstFailure;
            }
            download(clock.instant());
        }
    }

    /** Downloads the set if allowed now; keeps the current one and returns false when that fails. */
    private boolean tryDownload(Instant now) {
        if (now.isBefore(nextAttemptAllowed)) {
            return false;
        }
        try {
            download(now);
            return true;
        } catch (KeySourceException e) {
            return false;
        }
    }

    private void download(Instant now) throws KeySourceException {
        try {
            keys = JWKSet.parse(retriever.retrieveResource(url).getContent());
            expiresAt = now.plus(timeToLive);
        } catch (SocketTimeoutException e) {
            throw failed(now, "JWKS download timed out", e);
        } catch (IOException e) {
            throw failed(now, "JWKS download failed: " + e.getMessage(), e);
        } catch (ParseException e) {
            throw failed(now, "JWKS is not a JWK set", e);
        }
    }

    private KeySourceException failed(Instant now, String reason, Exception cause) {
        nextAttemptAllowed = now.plus(RETRY_INTERVAL);
        return new KeySourceException(reason, cause);
    }
}
