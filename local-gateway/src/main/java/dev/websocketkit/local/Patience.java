// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How long a test client waits for what it expects from a gateway: as long as the gateway's
 * functions are at work, however slow a busy machine makes them, and {@value #IDLE_SECONDS}
 * seconds more once they have nothing left to do. A wait that ends in failure says what it waited
 * for and that nothing was left to bring it.
 */
final class Patience {

    static final int IDLE_SECONDS = 30;
    private static final long SLICE_MILLIS = 100;

    /** One look for what is awaited, waiting up to {@code millis} for it; {@code null} when it has not come. */
    interface Attempt<T> {
        T within(long millis) throws InterruptedException;
    }

    private final LongSupplier finishedWork;
    private final Supplier<String> workInFlight;
    private final Duration idleLimit;

    /**
     * @param finishedWork a count of what the gateway has finished, growing while it makes progress
     * @param workInFlight what the gateway is at, {@code null} when nothing
     */
    Patience(LongSupplier finishedWork, Supplier<String> workInFlight) {
        this(finishedWork, workInFlight, Duration.ofSeconds(IDLE_SECONDS));
    }

    Patience(LongSupplier finishedWork, Supplier<String> workInFlight, Duration idleLimit) {
        this.finishedWork = finishedWork;
        this.workInFlight = workInFlight;
        this.idleLimit = idleLimit;
    }

    /** For a server whose work cannot be seen: {@value #IDLE_SECONDS} seconds. */
    static Patience ofUnknownServer() {
        return new Patience(() -> 0, () -> null);
    }

    <T> T await(String awaited, Attempt<T> attempt) throws InterruptedException {
        long lastFinished = finishedWork.getAsLong();
        long idleSince = System.nanoTime();
        while (true) {
            T result = attempt.within(SLICE_MILLIS);
            if (result != null) {
                return result;
            }
            long finished = finishedWork.getAsLong();
            if (finished != lastFinished || workInFlight.get() != null) {
                lastFinished = finished;
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince > idleLimit.toNanos()) {
                throw new AssertionError("No " + awaited + ", and for " + idleLimit.toMillis() / 1000.0
                        + " s the gateway's functions have had nothing to do that could bring it");
            }
        }
    }
}
