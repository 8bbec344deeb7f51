package com.example.auth;

import com.example.aws.Environment;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Set;

/**
 * Verifies JWTs with nimbus-jose-jwt. Before any cryptography the header must name RS256 or ES256, a
 * key id, no critical extension and, if any type, {@code JWT}. The signature must be by that key of
 * the identity provider's JWKS; keys or key URLs in a token ({@code jwk}, {@code jku}, {@code x5u})
 * are never used. Then the issuer, the audience (alone or in a list), a subject that is not blank,
 * an expiry, and a time window that allows {@link #MAX_CLOCK_SKEW} either side. Every refusal is a
 * fixed phrase: nothing from the token, which is unverified, reaches a log.
 */
public final class TokenVerifier {

    public static final String JWKS_URL_VARIABLE = "JWKS_URL";
    public static final String ISSUER_VARIABLE = "JWT_ISSUER";
    public static final String AUDIENCE_VARIABLE = "JWT_AUDIENCE";
    public static final String JWKS_CACHE_MINUTES_VARIABLE = "JWKS_CACHE_MINUTES";

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    /** An RS256 token for subject "priming", signed by no key anyone holds. */
    private static final String SAMPLE_TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6InByaW1pbmcifQ"
            + ".eyJzdWIiOiJwcmltaW5nIiwiaXNzIjoicHJpbWluZyIsImF1ZCI6InByaW1pbmciLCJleHAiOjB9"
            + ".cHJpbWluZw";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String issuer;
    private final String audience;
    private final InstantSource clock;

    TokenVerifier(String jwksUrl, String issuer, String audience, Duration jwksCacheTime, InstantSource clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, new JwksKeys(jwksUrl, jwksCacheTime, clock)));
        processor.setJWTClaimsSetVerifier((claims, context) -> checkClaims(claims));
    }

    /** The identity provider the function's environment names, its keys trusted for {@code JWKS_CACHE_MINUTES}. */
    public static TokenVerifier fromEnvironment() {
        return new TokenVerifier(Environment.require(JWKS_URL_VARIABLE), Environment.require(ISSUER_VARIABLE),
                Environment.require(AUDIENCE_VARIABLE), Duration.ofMinutes(Long.parseLong(Environment.require(JWKS_CACHE_MINUTES_VARIABLE))),
                InstantSource.system());
    }

    /** Parses and checks a sample token offline, for SnapStart: the JWKS is fetched after the restore, never into the snapshot. */
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
        } catch (KeySourceException e) {
            throw new IdentityProviderUnavailableException(e.getMessage(), e);
        } catch (BadJWSException | JOSEException e) {
            throw new InvalidTokenException("invalid signature");
        } catch (BadJOSEException e) {
            throw new InvalidTokenException("unknown key");
        }
    }

    /** The token as a signed JWT whose claims are JSON, so that the only claim errors left are those of {@link #checkClaims}. */
    private static SignedJWT signed(String token) throws InvalidTokenException {
        try {
            if (JWTParser.parse(token) instanceof SignedJWT jwt) {
                jwt.getJWTClaimsSet();
                return jwt;
            }
        } catch (ParseException e) {
            throw new InvalidTokenException("malformed token");
        }
        throw new InvalidTokenException("not a signed token");
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

    private void checkClaims(JWTClaimsSet claims) throws BadJWTException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new BadJWTException("no expiry");
        }
        if (now.isAfter(expiry.toInstant().plus(MAX_CLOCK_SKEW))) {
            throw new BadJWTException("expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(MAX_CLOCK_SKEW))) {
            throw new BadJWTException("not yet valid");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new BadJWTException("wrong issuer");
        }
        if (!claims.getAudience().contains(audience)) {
            throw new BadJWTException("wrong audience");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw new BadJWTException("no subject");
        }
    }
}
