// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A test client waits as long as the gateway is at work, and fails, saying what it awaited, once it is not. */
class PatienceTest {

    private static final Duration IDLE_LIMIT = Duration.ofMillis(300);

    @Test
    void waitsPastTheIdleLimitWhileWorkIsInFlight() throws Exception {
        long answerAt = System.nanoTime() + Duration.ofMillis(1_000).toNanos();
        Patience patience = new Patience(() -> 0, () -> System.nanoTime() < answerAt ? "SendFunction: 1 invocation" : null, IDLE_LIMIT);

        String answer = patience.await("message", millis -> System.nanoTime() >= answerAt ? "arrived" : pause(millis));

        assertEquals("arrived", answer);
    }

    @Test
    void waitsPastTheIdleLimitWhileWorkKeepsFinishing() throws Exception {
        long answerAt = System.nanoTime() + Duration.ofMillis(1_000).toNanos();
        AtomicLong finished = new AtomicLong();
        Patience patience = new Patience(finished::incrementAndGet, () -> null, IDLE_LIMIT);

        String answer = patience.await("message", millis -> System.nanoTime() >= answerAt ? "arrived" : pause(millis));

        assertEquals("arrived", answer);
    }

    @Test
    void failsNamingWhatItAwaitedOnceTheGatewayHasHadNothingToDoForTheIdleLimit() {
        Patience patience = new Patience(() -> 7, () -> null, IDLE_LIMIT);
        long started = System.nanoTime();

        AssertionError failure = assertThrows(AssertionError.class, () -> patience.await("close of the connection", PatienceTest::pause));

        assertTrue(failure.getMessage().startsWith("No close of the connection, and for 0.3 s"), failure.getMessage());
        assertTrue(System.nanoTime() - started >= IDLE_LIMIT.toNanos(), "it waited the idle limit");
    }

    private static String pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return null;
    }
}
