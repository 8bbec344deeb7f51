package com.example.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.RetryingJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;

/**
 * The identity provider's public keys, through nimbus-jose-jwt's sources. A set is trusted for
 * {@code timeToLive}, so a key the provider withdraws (a compromised one) is distrusted at the latest
 * that long after; without a set no token is accepted. A failed download is retried once at once,
 * and the provider asked twice at most every {@link #RETRY_INTERVAL}. A key id the set lacks (a
 * rotation) downloads it again at most every {@link #UNKNOWN_KEY_REFRESH_INTERVAL}: made-up key ids
 * cannot make the authorizer hammer the provider, and are refused as unknown, never as its failure.
 */
final class JwksKeys implements JWKSource<SecurityContext> {

    static final Duration UNKNOWN_KEY_REFRESH_INTERVAL = Duration.ofSeconds(10);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
    static final int CONNECT_TIMEOUT_MILLIS = 1_000;
    static final int READ_TIMEOUT_MILLIS = 2_000;
    static final int SIZE_LIMIT_BYTES = 64 * 1024;

    private final JWKSetSource<SecurityContext> keys;
    private final InstantSource clock;
    private long nextUnknownKeyRefresh;

    JwksKeys(String jwksUrl, Duration timeToLive, InstantSource clock) {
        var download = new URLBasedJWKSetSource<SecurityContext>(url(jwksUrl),
                new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, SIZE_LIMIT_BYTES));
        var retried = new RetryingJWKSetSource<>(new RateLimitedJWKSetSource<>(download, RETRY_INTERVAL.toMillis(), null), null);
        this.keys = new CachingJWKSetSource<>(retried, timeToLive.toMillis(), 2L * (CONNECT_TIMEOUT_MILLIS + READ_TIMEOUT_MILLIS), null);
        this.clock = clock;
    }

    @Override
    public synchronized List<JWK> get(JWKSelector selector, SecurityContext context) throws KeySourceException {
        long now = clock.millis();
        List<JWK> matches;
        try {
            matches = selector.select(keys.getJWKSet(JWKSetCacheRefreshEvaluator.noRefresh(), now, context));
        } catch (RateLimitReachedException e) {
            throw new KeySourceException("JWKS unavailable: the last downloads failed, the next is due within "
                    + RETRY_INTERVAL.toMillis() + " ms", e);
        }
        if (matches.isEmpty() && now >= nextUnknownKeyRefresh) {
            nextUnknownKeyRefresh = now + UNKNOWN_KEY_REFRESH_INTERVAL.toMillis();
            try {
                matches = selector.select(keys.getJWKSet(JWKSetCacheRefreshEvaluator.forceRefresh(), now, context));
            } catch (KeySourceException failed) {
                // The current set stands; the token's key is not in it.
            }
        }
        return matches;
    }

    private static URL url(String jwksUrl) {
        try {
            return URI.create(jwksUrl).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(TokenVerifier.JWKS_URL_VARIABLE + " is not a URL: " + jwksUrl, e);
        }
    }
}
