// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development identity provider's keys, served as a JWKS, and kept between runs when it is given a file. */
class DevelopmentIdentityProviderTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path directory;

    @Test
    void aTokenOfOneRunIsValidInTheNextWhenTheKeyIsKeptInAFile() throws Exception {
        Path keyFile = directory.resolve("local-gateway/development-key.json");
        String token;
        try (DevelopmentIdentityProvider first = DevelopmentIdentityProvider.start(Optional.of(keyFile))) {
            token = first.issue("local-developer", Duration.ofHours(1));
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)), "only its owner reads the private key");

        try (DevelopmentIdentityProvider second = DevelopmentIdentityProvider.start(Optional.of(keyFile))) {
            SignedJWT parsed = SignedJWT.parse(token);
            RSAKey served = (RSAKey) jwks(second).getKeyByKeyId(parsed.getHeader().getKeyID());
            assertTrue(parsed.verify(new RSASSAVerifier(served)), "the second run serves the first run's key");
            assertEquals(second.identity().issuer(), parsed.getJWTClaimsSet().getIssuer());
            assertFalse(jwks(second).getKeys().get(0).isPrivate(), "only the public half is served");
        }
    }

    @Test
    void makesANewKeyInPlaceOfAFileThatHoldsNone() throws Exception {
        Path keyFile = Files.writeString(directory.resolve("development-key.json"), "not a key");
        try (DevelopmentIdentityProvider provider = DevelopmentIdentityProvider.start(Optional.of(keyFile))) {
            String keyId = SignedJWT.parse(provider.issue("local-developer", Duration.ofMinutes(1))).getHeader().getKeyID();

            assertEquals(keyId, RSAKey.parse(Files.readString(keyFile)).getKeyID());
        }
    }

    @Test
    void makesAKeyOfItsOwnEachRunWithoutAFile() throws Exception {
        try (DevelopmentIdentityProvider first = DevelopmentIdentityProvider.start(Optional.empty());
             DevelopmentIdentityProvider second = DevelopmentIdentityProvider.start(Optional.empty())) {
            assertNotEquals(jwks(first).getKeys().get(0).getKeyID(), jwks(second).getKeys().get(0).getKeyID());
        }
    }

    private static JWKSet jwks(DevelopmentIdentityProvider provider) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(provider.identity().jwksUrl())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return JWKSet.parse(response.body());
    }
}
