// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.server;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A stand-in identity provider for local runs: a key pair made at start, its public half served as
 * a JWKS at {@value #JWKS_PATH} of the gateway, and RS256 tokens signed with the private half.
 */
public final class DevelopmentIdentityProvider extends Handler.Abstract {

    public static final String JWKS_PATH = "/.well-known/jwks.json";
    public static final String AUDIENCE = "local-gateway";

    private final String issuer;
    private final RSAKey key;

    public DevelopmentIdentityProvider(String issuer) {
        this.issuer = issuer;
        try {
            this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot make a development key pair", e);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return issuer + JWKS_PATH;
    }

    /** A signed RS256 token for {@code subject}, valid from now for {@code lifetime}. */
    public String issue(String subject, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT token = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a development token", e);
        }
        return token.serialize();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("GET") || !Request.getPathInContext(request).equals(JWKS_PATH)) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, new JWKSet(key.toPublicJWK()).toString(), callback);
        return true;
    }
}
