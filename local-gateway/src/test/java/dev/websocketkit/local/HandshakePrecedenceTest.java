// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.internal.function.LocalFunction;
import dev.websocketkit.local.internal.function.Work;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A function's environment takes a waiting handshake before the messages that came ahead of it. */
@WebSocketApiTest(template = "src/test/resources/templates/environments.yaml")
class HandshakePrecedenceTest {

    @Test
    void takesAWaitingHandshakeBeforeTheMessagesQueuedAheadOfIt(LocalGateway gateway) {
        gateway.awaitFunctions();
        LocalFunction oneEnvironment = gateway.function("GatedFunction");
        Queue<String> started = new ConcurrentLinkedQueue<>();
        CountDownLatch firstMessageHeld = new CountDownLatch(1);
        CountDownLatch open = new CountDownLatch(0);

        CompletableFuture<Object> first = oneEnvironment.invoke(event("first message", started, firstMessageHeld), Work.MESSAGE);
        while (started.isEmpty()) {
            Thread.onSpinWait();
        }
        CompletableFuture<Object> second = oneEnvironment.invoke(event("second message", started, open), Work.MESSAGE);
        CompletableFuture<Object> handshake = oneEnvironment.invoke(event("handshake", started, open), Work.HANDSHAKE);
        firstMessageHeld.countDown();

        CompletableFuture.allOf(first, second, handshake).join();
        assertEquals(List.of("first message", "handshake", "second message"), List.copyOf(started));
    }

    private static Map<String, Object> event(String name, Queue<String> started, CountDownLatch gate) {
        return Map.of("name", name, "started", started, "gate", gate);
    }
}
