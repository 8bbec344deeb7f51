// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TestIdentityProviderTest {

    private static TestIdentityProvider identityProvider;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        identityProvider = TestIdentityProvider.start();
    }

    @AfterAll
    static void stop() {
        identityProvider.close();
    }

    @Test
    void servesThePublicHalvesOfItsKeysAndCountsTheDownloads() throws Exception {
        int before = identityProvider.downloads();

        JWKSet keys = JWKSet.parse(download().body());

        assertEquals(List.of(TestIdentityProvider.RSA_KEY_ID, TestIdentityProvider.EC_KEY_ID), keys.getKeys().stream().map(JWK::getKeyID).toList());
        assertTrue(keys.getKeys().stream().noneMatch(JWK::isPrivate), "no private key is served");
        assertEquals(before + 1, identityProvider.downloads());
    }

    @Test
    void signsValidTokensWithItsRsaKey() throws Exception {
        SignedJWT token = SignedJWT.parse(identityProvider.token());

        assertEquals(JWSAlgorithm.RS256, token.getHeader().getAlgorithm());
        assertEquals(TestIdentityProvider.RSA_KEY_ID, token.getHeader().getKeyID());
        assertTrue(token.verify(new RSASSAVerifier(identityProvider.rsaKey().toRSAPublicKey())));
        assertEquals(TestIdentityProvider.ISSUER, token.getJWTClaimsSet().getIssuer());
        assertEquals(List.of(TestIdentityProvider.AUDIENCE), token.getJWTClaimsSet().getAudience());
        assertEquals(TestIdentityProvider.SUBJECT, token.getJWTClaimsSet().getSubject());
        assertTrue(token.getJWTClaimsSet().getExpirationTime().after(new Date()), "not expired");
    }

    @Test
    void makesTheClaimsAndTheHeaderATestAsksFor() throws Exception {
        SignedJWT token = SignedJWT.parse(identityProvider.token(header -> header.type(new JOSEObjectType("at+jwt")).keyID("other"),
                claims -> claims.subject(null).issuer("https://elsewhere.example.test")));

        assertEquals("at+jwt", token.getHeader().getType().getType());
        assertEquals("other", token.getHeader().getKeyID());
        assertEquals(null, token.getJWTClaimsSet().getSubject());
        assertEquals("https://elsewhere.example.test", token.getJWTClaimsSet().getIssuer());
        assertTrue(token.verify(new RSASSAVerifier(identityProvider.rsaKey().toRSAPublicKey())));
    }

    @Test
    void signsWithTheAlgorithmOfTheKeyItIsGiven() throws Exception {
        SignedJWT es256 = SignedJWT.parse(identityProvider.token(identityProvider.ecKey(), header -> header, claims -> claims));
        OctetSequenceKey secret = new OctetSequenceKey.Builder(new byte[32]).keyID("secret").build();
        SignedJWT hs256 = SignedJWT.parse(identityProvider.token(secret, header -> header, claims -> claims));

        assertEquals(JWSAlgorithm.ES256, es256.getHeader().getAlgorithm());
        assertTrue(es256.verify(new ECDSAVerifier(identityProvider.ecKey().toECPublicKey())));
        assertEquals(JWSAlgorithm.HS256, hs256.getHeader().getAlgorithm());
        assertTrue(hs256.verify(new MACVerifier(secret)));
    }

    @Test
    void publishesAndWithdrawsKeysAsAProviderRotatingThemDoes() throws Exception {
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        try (TestIdentityProvider rotating = TestIdentityProvider.start()) {
            rotating.publish(rotated);
            rotating.withdraw(TestIdentityProvider.RSA_KEY_ID);

            JWKSet keys = JWKSet.parse(http.send(HttpRequest.newBuilder(URI.create(rotating.jwksUrl())).build(),
                    HttpResponse.BodyHandlers.ofString()).body());

            assertEquals(List.of(TestIdentityProvider.EC_KEY_ID, "rsa-2"), keys.getKeys().stream().map(JWK::getKeyID).toList());
            assertFalse(keys.getKeyByKeyId("rsa-2").isPrivate());
        }
    }

    @Test
    void answersAsTold() throws Exception {
        identityProvider.respondWith(503, "{}");
        try {
            HttpResponse<String> failed = download();

            assertEquals(503, failed.statusCode());
            assertEquals("{}", failed.body());
        } finally {
            identityProvider.serveKeys();
        }
        assertEquals(200, download().statusCode());
    }

    private HttpResponse<String> download() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(identityProvider.jwksUrl())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
