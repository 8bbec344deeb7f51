package com.example.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How long keys are trusted, how rotation and withdrawal reach the verifier, and what an outage does. */
class JwksKeysTest {

    private static final TestTokens TOKENS = new TestTokens();
    private static final Duration CACHE_TIME = Duration.ofMinutes(5);

    private final JwksServer identityProvider = new JwksServer(List.of(TOKENS.rsa.toPublicJWK()));
    private final TestClock clock = new TestClock();
    private final TokenVerifier verifier = TokenVerifier.forIdentityProvider(identityProvider.url(), TestTokens.ISSUER,
            TestTokens.AUDIENCE, CACHE_TIME, clock);

    @AfterEach
    void stopIdentityProvider() {
        identityProvider.close();
    }

    @Test
    void downloadsTheKeysOnceForManyTokens() throws InvalidTokenException {
        for (int i = 0; i < 20; i++) {
            verifier.verify(TOKENS.valid());
        }

        assertEquals(1, identityProvider.downloads());
    }

    @Test
    void distrustsAWithdrawnKeyWithinTheCacheTime() throws InvalidTokenException {
        String token = TOKENS.valid();
        verifier.verify(token);
        identityProvider.withdraw(TOKENS.rsa);

        clock.advance(CACHE_TIME.minus(JwksKeys.REFRESH_AHEAD).minusSeconds(1));
        assertEquals(TestTokens.SUBJECT, verifier.verify(token), "trusted until the cache time is nearly over");

        clock.advance(Duration.ofSeconds(1));
        assertEquals("unknown key", assertThrows(InvalidTokenException.class, () -> verifier.verify(token)).getMessage());
    }

    @Test
    void downloadsAheadOfExpiryAndKeepsTheKeysWhenThatFails() throws InvalidTokenException {
        verifier.verify(TOKENS.valid());
        identityProvider.behave(JwksServer.Behaviour.FAIL_WITH_503);

        clock.advance(CACHE_TIME.minus(JwksKeys.REFRESH_AHEAD));
        assertEquals(TestTokens.SUBJECT, verifier.verify(TOKENS.valid()), "a failed early download goes unnoticed");
        assertEquals(2, identityProvider.downloads());

        clock.advance(JwksKeys.REFRESH_AHEAD);
        assertThrows(IdentityProviderUnavailableException.class, () -> verifier.verify(TOKENS.valid()),
                "expired keys are not trusted, however long the provider is down");
    }

    @Test
    void trustsARotatedKeyAtOnce() throws InvalidTokenException {
        verifier.verify(TOKENS.valid());
        identityProvider.publish(TOKENS.rotated.toPublicJWK());

        assertEquals(TestTokens.SUBJECT, verifier.verify(TOKENS.rs256(TOKENS.rotated, claims -> claims)));
        assertEquals(2, identityProvider.downloads());
    }

    /** Made-up key ids use up the early downloads; a real rotation still gets through within the interval. */
    @Test
    void tokensWithUnknownKeyIdsCannotBlockARotationOrHammerTheProvider() throws InvalidTokenException {
        verifier.verify(TOKENS.valid());
        String garbage = TOKENS.rs256(TOKENS.unpublished, claims -> claims);
        for (int i = 0; i < 100; i++) {
            assertThrows(InvalidTokenException.class, () -> verifier.verify(garbage));
        }
        assertEquals(2, identityProvider.downloads(), "one download for a hundred unknown key ids");

        identityProvider.publish(TOKENS.rotated.toPublicJWK());
        String rotated = TOKENS.rs256(TOKENS.rotated, claims -> claims);
        assertThrows(InvalidTokenException.class, () -> verifier.verify(rotated), "within the interval the garbage used up");

        clock.advance(JwksKeys.UNKNOWN_KEY_REFRESH_INTERVAL);
        assertThrows(InvalidTokenException.class, () -> verifier.verify(garbage));
        assertEquals(TestTokens.SUBJECT, verifier.verify(rotated), "the garbage's own download brought the rotated key");
    }

    @Test
    void retriesTheFirstDownloadOnceAtColdStart() throws InvalidTokenException {
        identityProvider.behave(JwksServer.Behaviour.FAIL_ONCE_WITH_503);

        assertEquals(TestTokens.SUBJECT, verifier.verify(TOKENS.valid()));
        assertEquals(2, identityProvider.downloads());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "FAIL_WITH_503,     JWKS download failed: Server returned HTTP response code: 503",
        "ANSWER_TOO_SLOWLY, JWKS download timed out",
        "SERVE_OVERSIZED,   JWKS download failed: Exceeded configured input limit of 65536 bytes",
        "SERVE_MALFORMED,   JWKS is not a JWK set",
    })
    void failsAsUnavailableWithoutHammeringAProviderThatMisbehaves(JwksServer.Behaviour behaviour, String reason) throws InvalidTokenException {
        identityProvider.behave(behaviour);

        IdentityProviderUnavailableException failure = assertThrows(IdentityProviderUnavailableException.class,
                () -> verifier.verify(TOKENS.valid()));
        assertTrue(failure.getMessage().startsWith(reason), failure.getMessage());
        for (int i = 0; i < 10; i++) {
            assertThrows(IdentityProviderUnavailableException.class, () -> verifier.verify(TOKENS.valid()));
        }
        assertEquals(2, identityProvider.downloads(), "a try and the cold start's retry, then a pause");

        identityProvider.behave(JwksServer.Behaviour.SERVE);
        clock.advance(JwksKeys.RETRY_INTERVAL);
        assertEquals(TestTokens.SUBJECT, verifier.verify(TOKENS.valid()), "recovered a second after the provider did");
    }
}
