package com.example.auth;

import com.example.aws.Environment;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Verifies JWTs with nimbus-jose-jwt: a signature by a key of the identity provider's JWKS with an
 * allowed algorithm (RS256 or ES256), then the claims (see {@link ClaimRules}).
 *
 * <p>Before any cryptography the header must name an allowed algorithm, a key id, no critical
 * extensions and, if it has a type, {@code JWT}; unsigned ({@code alg: none}) and encrypted tokens
 * are refused. Keys come only from the JWKS ({@link JwksKeys}): keys or key URLs a token carries in
 * its header ({@code jwk}, {@code jku}, {@code x5u}) are never used. Every refusal says why in a
 * fixed phrase: nothing from the token, which is unverified, reaches a log.
 */
public final class TokenVerifier {

    public static final String JWKS_URL_VARIABLE = "JWKS_URL";
    public static final String ISSUER_VARIABLE = "JWT_ISSUER";
    public static final String AUDIENCE_VARIABLE = "JWT_AUDIENCE";
    public static final String JWKS_CACHE_MINUTES_VARIABLE = "JWKS_CACHE_MINUTES";

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    static final Duration DEFAULT_JWKS_CACHE_TIME = Duration.ofMinutes(5);

    /** An RS256 token for subject "priming", signed by no key anyone holds. */
    private static final String SAMPLE_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6InByaW1pbmcifQ"
            + ".eyJzdWIiOiJwcmltaW5nIiwiaXNzIjoicHJpbWluZyIsImF1ZCI6InByaW1pbmciLCJleHAiOjB9"
            + ".cHJpbWluZw";

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Clock clock) {
        processor.setJWSTypeVerifier(DefaultJOSEObjectTypeVerifier.JWT);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new ClaimRules(issuer, audience, clock));
    }

    /**
     * The identity provider that {@code JWKS_URL}, {@code JWT_ISSUER} and {@code JWT_AUDIENCE} name,
     * its keys trusted for {@code JWKS_CACHE_MINUTES}.
     */
    public static TokenVerifier fromEnvironment() {
        return forIdentityProvider(Environment.require(JWKS_URL_VARIABLE), Environment.require(ISSUER_VARIABLE),
                Environment.require(AUDIENCE_VARIABLE), Duration.ofMinutes(Environment.requireNumber(JWKS_CACHE_MINUTES_VARIABLE)),
                Clock.systemUTC());
    }

    /** The identity provider's tokens, its keys trusted for five minutes. */
    public static TokenVerifier forIdentityProvider(String jwksUrl, String issuer, String audience) {
        return forIdentityProvider(jwksUrl, issuer, audience, DEFAULT_JWKS_CACHE_TIME, Clock.systemUTC());
    }

    static TokenVerifier forIdentityProvider(String jwksUrl, String issuer, String audience, Duration jwksCacheTime, Clock clock) {
        URL url;
        try {
            url = URI.create(jwksUrl).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(JWKS_URL_VARIABLE + " is not a URL: " + jwksUrl, e);
        }
        return new TokenVerifier(new JwksKeys(url, jwksCacheTime, clock), issuer, audience, clock);
    }

    /**
     * Parses and checks a sample token offline, for SnapStart. Verifying one would need the JWKS,
     * which is fetched after restore, never into the snapshot.
     */
    static void prime() {
        try {
            checkHeader(signed(SAMPLE_TOKEN).getHeader());
        } catch (InvalidTokenException e) {
            throw new IllegalStateException("The sample token must pass the header checks", e);
        }
    }

    /**
     * Returns the token's subject, the principal it proves.
     *
     * @throws InvalidTokenException the token proves nothing; the message is a fixed phrase
     * @throws IdentityProviderUnavailableException the keys could not be had, which is no fault of the client
     */
    public String verify(String token) throws InvalidTokenException {
        SignedJWT jwt = signed(token);
        checkHeader(jwt.getHeader());
        try {
            return processor.process(jwt, null).getSubject();
        } catch (BadJWTException e) {
            throw new InvalidTokenException(e.getMessage());
        } catch (BadJWSException e) {
            throw new InvalidTokenException("invalid signature");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("unknown key");
        } catch (KeySourceException e) {
            throw new IdentityProviderUnavailableException(e.getMessage(), e);
        } catch (JOSEException e) {
            throw new InvalidTokenException("invalid signature");
        }
    }

    private static SignedJWT signed(String token) throws InvalidTokenException {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed token");
        }
        if (!(jwt instanceof SignedJWT)) {
            throw new InvalidTokenException("not a signed token");
        }
        return (SignedJWT) jwt;
    }

    private static void checkHeader(JWSHeader header) throws InvalidTokenException {
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw new InvalidTokenException("algorithm not allowed");
        }
        if (header.getType() != null && !header.getType().getType().equals("JWT")) {
            throw new InvalidTokenException("not a JWT");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new InvalidTokenException("no key id");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw new InvalidTokenException("critical header extension");
        }
    }
}
