package ${package}.auth;

import static dev.websocketkit.local.testing.TestIdentityProvider.AUDIENCE;
import static dev.websocketkit.local.testing.TestIdentityProvider.ISSUER;
import static dev.websocketkit.local.testing.TestIdentityProvider.RSA_KEY_ID;
import static dev.websocketkit.local.testing.TestIdentityProvider.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.websocketkit.local.testing.TestIdentityProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** How long keys are trusted, how rotation and withdrawal reach the verifier, and what an outage does. */
class JwksKeysTest {

    private static final Duration CACHE_TIME = Duration.ofMinutes(5);

    private final TestIdentityProvider identityProvider = TestIdentityProvider.start();
    /** Stands still until a test moves it. */
    private Instant now = Instant.now();
    private final TokenVerifier verifier = new TokenVerifier(identityProvider.jwksUrl(), ISSUER, AUDIENCE, CACHE_TIME, () -> now);

    @AfterEach
    void stopIdentityProvider() {
        identityProvider.close();
    }

    @Test
    void distrustsAWithdrawnKeyWhenTheCacheTimeIsOver() throws InvalidTokenException {
        String token = identityProvider.token();
        verifier.verify(token);
        identityProvider.withdraw(RSA_KEY_ID);

        now = now.plus(CACHE_TIME.minusSeconds(1));
        assertEquals(SUBJECT, verifier.verify(token), "trusted until the cache time is over");

        now = now.plusSeconds(1);
        assertEquals("unknown key", assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).getMessage());
    }

    @Test
    void refusesUnknownKeysWhileTheProviderIsDownAndTrustsNoKeyOnceTheCacheTimeIsOver() throws InvalidTokenException {
        verifier.verify(identityProvider.token());
        identityProvider.respondWith(503, "{}");
        String unknownKey = identityProvider.token(header -> header.keyID("made-up"), claims -> claims);
        assertEquals("unknown key", assertThrows(InvalidTokenException.class, () -> verifier.verify(unknownKey)).getMessage());

        now = now.plus(CACHE_TIME);

        assertThrows(IdentityProviderUnavailableException.class, () -> verifier.verify(identityProvider.token()));
    }

    /** Made-up key ids use up the early downloads; a real rotation still gets through within the interval. */
    @Test
    void downloadsOnceForManyTokensAndOnceMoreForAKeyIdItLacksAtMostEveryInterval() throws Exception {
        for (int i = 0; i < 20; i++) {
            verifier.verify(identityProvider.token());
        }
        assertEquals(1, identityProvider.downloads(), "one download for many tokens");
        String garbage = identityProvider.token(header -> header.keyID("made-up"), claims -> claims);
        for (int i = 0; i < 100; i++) {
            assertEquals("unknown key", assertThrows(InvalidTokenException.class, () -> verifier.verify(garbage)).getMessage());
            now = now.plusMillis(90);
        }
        assertEquals(2, identityProvider.downloads(), "one download, at once, for a hundred unknown key ids in nine seconds");

        RSAKey rotated = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        identityProvider.publish(rotated);
        String rotatedToken = identityProvider.token(rotated, header -> header, claims -> claims);
        assertThrows(InvalidTokenException.class, () -> verifier.verify(rotatedToken), "within the interval the garbage used up");

        now = now.plus(JwksKeys.UNKNOWN_KEY_REFRESH_INTERVAL);
        assertThrows(InvalidTokenException.class, () -> verifier.verify(garbage));
        assertEquals(SUBJECT, verifier.verify(rotatedToken), "the garbage's own download brought the rotated key");
    }

    static Stream<Arguments> misbehaviours() {
        return Stream.of(
                Arguments.of(503, "{}", "Couldn't retrieve JWK set"),
                Arguments.of(200, "x".repeat(JwksKeys.SIZE_LIMIT_BYTES + 1), "input limit of 65536 bytes"),
                Arguments.of(200, "<html>Sign in</html>", "Unable to parse JWK set"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("misbehaviours")
    void failsAsUnavailableWithoutHammeringAProviderThatMisbehaves(int status, String body, String reason) throws InvalidTokenException {
        identityProvider.respondWith(status, body);

        IdentityProviderUnavailableException failure = assertThrows(IdentityProviderUnavailableException.class,
                () -> verifier.verify(identityProvider.token()));
        assertTrue(failure.getMessage().contains(reason), failure.getMessage());
        assertEquals(2, identityProvider.downloads(), "a download and its retry at once");
        for (int i = 0; i < 10; i++) {
            assertThrows(IdentityProviderUnavailableException.class, () -> verifier.verify(identityProvider.token()));
        }
        assertEquals(2, identityProvider.downloads(), "then a pause");

        identityProvider.serveKeys();
        now = now.plus(JwksKeys.RETRY_INTERVAL);
        assertEquals(SUBJECT, verifier.verify(identityProvider.token()), "recovered a second after the provider did");
    }

}
