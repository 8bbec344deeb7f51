package com.example.auth;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;

/** Key pairs and tokens, good and bad, for the authorizer's tests. */
final class TestTokens {

    static final String ISSUER = "https://idp.example.test";
    static final String AUDIENCE = "echo-clients";
    static final String SUBJECT = "user-42";

    final RSAKey rsa = rsaKey("rsa-1");
    final ECKey ec = ecKey("ec-1");
    /** Not published: an attacker's key that claims the published RSA key's id. */
    final RSAKey impostor = rsaKey("rsa-1");
    /** Published later, as in a key rotation. */
    final RSAKey rotated = rsaKey("rsa-2");
    /** Never published anywhere. */
    final RSAKey unpublished = rsaKey("rsa-9");

    /** Valid claims: right issuer and audience, issued now, valid for an hour. */
    static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(SUBJECT)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
    }

    String rs256(JWK key, UnaryOperator<JWTClaimsSet.Builder> claims) {
        return sign(JWSAlgorithm.RS256, key.getKeyID(), claims.apply(validClaims()).build(), rsaSigner((RSAKey) key));
    }

    /** Signed with the published RSA key, valid claims, and a header of the caller's making. */
    String withHeader(UnaryOperator<JWSHeader.Builder> header) {
        return withHeader(rsa, header);
    }

    /** Signed with {@code key}, valid claims, a header of the caller's making that starts as {@code RS256} with the key's id. */
    String withHeader(RSAKey key, UnaryOperator<JWSHeader.Builder> header) {
        return sign(header.apply(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())).build(),
                validClaims().build(), rsaSigner(key));
    }

    /** RS384, a sound algorithm the verifier does not allow, signed by the published RSA key. */
    String rs384() {
        return withHeader(header -> new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(rsa.getKeyID()));
    }

    /** ES256 signed by the published EC key, but naming the RSA key's id. */
    String es256WithRsaKeyId() {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(rsa.getKeyID()).build(), validClaims().build(), new ECDSASigner(ec));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid claims, encrypted to the RSA public key instead of signed. */
    String encrypted() {
        try {
            EncryptedJWT token = new EncryptedJWT(new JWEHeader(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM), validClaims().build());
            token.encrypt(new RSAEncrypter(rsa.toRSAPublicKey()));
            return token.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String rs256(UnaryOperator<JWTClaimsSet.Builder> claims) {
        return rs256(rsa, claims);
    }

    String valid() {
        return rs256(claims -> claims);
    }

    String es256() {
        try {
            return sign(JWSAlgorithm.ES256, ec.getKeyID(), validClaims().build(), new ECDSASigner(ec));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: no signature at all. */
    String unsigned() {
        return new PlainJWT(validClaims().build()).serialize();
    }

    /** HS256 keyed with the RSA public key: the classic algorithm confusion attack. */
    String hmacWithPublicKey() {
        try {
            byte[] secret = rsa.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
            return sign(JWSAlgorithm.HS256, rsa.getKeyID(), validClaims().build(), new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was edited after signing. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8).replace(SUBJECT, "admin-1");
        return parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String sign(JWSAlgorithm algorithm, String keyId, JWTClaimsSet claims, JWSSigner signer) {
        return sign(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claims, signer);
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT token = new SignedJWT(header, claims);
        try {
            token.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return token.serialize();
    }

    private static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey ecKey(String keyId) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
