// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Handshakes ahead of messages. On AWS, a client's handshake never waits behind other clients'
 * messages: API Gateway and Lambda run them on machines of their own. On a laptop they share the
 * same few processors, and a stream of messages from the clients already connected would starve
 * new clients' authorizer and {@code $connect} until their handshakes time out. So while a
 * handshake invocation is waiting or running, at most {@code messageLimit} message invocations run
 * at once; the others wait for their turn before their function's {@code Timeout} starts, and all
 * go on as soon as no handshake is in flight. Within a function, handshake invocations are taken
 * before waiting messages. Other work ({@code $disconnect}, queues) is not held back.
 */
final class HandshakesFirst {

    private final int messageLimit;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger messages = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turn = lock.newCondition();

    HandshakesFirst(int messageLimit) {
        if (messageLimit < 1) {
            throw new IllegalArgumentException("At least one message must run while handshakes are in flight, not " + messageLimit);
        }
        this.messageLimit = messageLimit;
    }

    /**
     * One message at a time while handshakes are in flight. Measured on two processors: with one,
     * a ramp of a thousand clients at 500 a second connected them all; with two at once, handshakes
     * waited up to nine seconds (docs/performance.md).
     */
    static HandshakesFirst oneMessageAtATime() {
        return new HandshakesFirst(1);
    }

    void handshakeQueued() {
        handshakes.incrementAndGet();
    }

    void handshakeOver() {
        if (handshakes.decrementAndGet() == 0) {
            signal(true);
        }
    }

    /** Waits until a message may run: at once when no handshake is in flight. Pair with {@link #messageOver()}. */
    void awaitMessageTurn() throws InterruptedException {
        if (handshakes.get() == 0) {
            messages.incrementAndGet();
            return;
        }
        lock.lock();
        try {
            while (handshakes.get() > 0 && messages.get() >= messageLimit) {
                turn.await();
            }
            messages.incrementAndGet();
        } finally {
            lock.unlock();
        }
    }

    void messageOver() {
        messages.decrementAndGet();
        if (handshakes.get() > 0) {
            signal(false);
        }
    }

    /** Under the lock, so that a message checking its turn either sees the change or is waiting for this signal. */
    private void signal(boolean everyone) {
        lock.lock();
        try {
            if (everyone) {
                turn.signalAll();
            } else {
                turn.signal();
            }
        } finally {
            lock.unlock();
        }
    }
}
