package com.example.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The claims a token must carry, checked once its signature is: the issuer, the audience (alone or
 * in a list), a subject that is not blank, an expiry, and a time window that allows
 * {@link #MAX_CLOCK_SKEW} either side. Each refusal is a fixed phrase, never a claim's value.
 */
final class ClaimRules implements JWTClaimsSetVerifier<SecurityContext> {

    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(1);

    private final String issuer;
    private final String audience;
    private final Clock clock;

    ClaimRules(String issuer, String audience, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    @Override
    public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
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
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new BadJWTException("wrong audience");
        }
        String subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new BadJWTException("no subject");
        }
    }
}
