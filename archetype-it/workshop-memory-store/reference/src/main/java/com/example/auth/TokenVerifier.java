package com.example.auth;

import com.example.aws.Environment;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Set;

/**
 * Verifies JWTs with nimbus-jose-jwt: an RS256 or ES256 signature by a key of the identity
 * provider's JWKS, the issuer, the audience, expiry and not-before with a minute of clock skew.
 * Unsigned tokens ({@code alg: none}), HMAC algorithms (so no public key can be misused as an HMAC
 * secret), unknown key ids and malformed tokens are rejected.
 */
public final class TokenVerifier {

    public static final String JWKS_URL_VARIABLE = "JWKS_URL";
    public static final String ISSUER_VARIABLE = "JWT_ISSUER";
    public static final String AUDIENCE_VARIABLE = "JWT_AUDIENCE";

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);
    /** At most one JWKS download a minute, however many unknown key ids arrive. */
    static final Duration JWKS_REFRESH_INTERVAL = Duration.ofMinutes(1);

    /** An RS256 token for subject "priming", signed by no key anyone holds. */
    private static final String SAMPLE_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6InByaW1pbmcifQ"
            + ".eyJzdWIiOiJwcmltaW5nIiwiaXNzIjoicHJpbWluZyIsImF1ZCI6InByaW1pbmciLCJleHAiOjB9"
            + ".cHJpbWluZw";

    private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew((int) MAX_CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The identity provider that {@code JWKS_URL}, {@code JWT_ISSUER} and {@code JWT_AUDIENCE} name. */
    public static TokenVerifier fromEnvironment() {
        return forIdentityProvider(Environment.require(JWKS_URL_VARIABLE), Environment.require(ISSUER_VARIABLE),
                Environment.require(AUDIENCE_VARIABLE));
    }

    /**
     * Keys from the JWKS URL, downloaded on first use and kept for the life of the execution
     * environment; a token signed with a key id not in the set triggers a new download.
     */
    public static TokenVerifier forIdentityProvider(String jwksUrl, String issuer, String audience) {
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.<SecurityContext>create(URI.create(jwksUrl).toURL())
                    .cacheForever()
                    .rateLimited(JWKS_REFRESH_INTERVAL.toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException(JWKS_URL_VARIABLE + " is not a URL: " + jwksUrl, e);
        }
        return new TokenVerifier(keys, issuer, audience);
    }

    /**
     * Parses a sample token offline, for SnapStart. Verifying one would need the JWKS, which is
     * fetched after restore, never into the snapshot.
     */
    static void prime() {
        try {
            JWTParser.parse(SAMPLE_TOKEN);
        } catch (ParseException e) {
            throw new IllegalStateException("The sample token must parse", e);
        }
    }

    /** Returns the token's subject, the principal it proves. */
    public String verify(String token) throws InvalidTokenException {
        try {
            return processor.process(token, null).getSubject();
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed token");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }
}
