// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** While a handshake is in flight, messages run one at a time; without one, all at once. */
class HandshakesFirstTest {

    private final HandshakesFirst precedence = HandshakesFirst.oneMessageAtATime();

    @Test
    void letsEveryMessageRunAtOnceWhenNoHandshakeIsInFlight() throws Exception {
        List<Thread> messages = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            messages.add(started(this::takeTurn));
        }
        for (Thread message : messages) {
            message.join();
        }
    }

    @Test
    void holdsASecondMessageUntilTheFirstIsOverWhileAHandshakeIsInFlight() throws Exception {
        precedence.handshakeQueued();
        precedence.awaitMessageTurn();

        AtomicBoolean secondRan = new AtomicBoolean();
        Thread second = started(() -> {
            takeTurn();
            secondRan.set(true);
        });
        awaitWaiting(second);
        assertFalse(secondRan.get(), "a second message ran beside the first during a handshake");

        precedence.messageOver();
        second.join();
        assertTrue(secondRan.get());
    }

    @Test
    void releasesEveryWaitingMessageOnceTheLastHandshakeIsOver() throws Exception {
        precedence.handshakeQueued();
        precedence.handshakeQueued();
        precedence.awaitMessageTurn();
        List<Thread> waiting = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread message = started(this::takeTurn);
            waiting.add(message);
            awaitWaiting(message);
        }

        precedence.handshakeOver();
        waiting.forEach(HandshakesFirstTest::awaitWaiting);
        precedence.handshakeOver();

        for (Thread message : waiting) {
            message.join();
        }
    }

    @Test
    void refusesALimitThatWouldStopMessages() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new HandshakesFirst(0));
        assertEquals("At least one message must run while handshakes are in flight, not 0", refused.getMessage());
    }

    private static Thread started(Runnable message) {
        Thread thread = new Thread(message, "message");
        thread.start();
        return thread;
    }

    private void takeTurn() {
        try {
            precedence.awaitMessageTurn();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until {@code thread} parks for its turn; it has nothing else to wait for, so this ends unless it ran instead. */
    private static void awaitWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            assertTrue(thread.isAlive(), "the message ran instead of waiting for its turn");
            Thread.onSpinWait();
        }
    }
}
