// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one function, in a thread group of its own: those the gateway runs its init phase
 * and invocations on, and those its code starts (an SDK client's timers, a handler's own pool),
 * which land in the group because a thread joins its creator's. On Lambda both are the function's
 * own work; {@link #startedThreadsCpuNanos()} is what the second kind has cost.
 */
final class FunctionThreads {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final ThreadGroup group;
    private final Set<Thread> gatewayThreads = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;
    /** The processor time last seen of each thread the function started, and the sum of those that have ended since. */
    private final Map<Thread, Long> startedThreads = new HashMap<>();
    private long endedThreadsNanos;

    FunctionThreads(String functionName) {
        this.group = new ThreadGroup(functionName);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(group, () -> {
                try {
                    runnable.run();
                } finally {
                    gatewayThreads.remove(Thread.currentThread());
                }
            }, functionName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            gatewayThreads.add(thread);
            return thread;
        });
    }

    /** Where the function's init phase and invocations run. */
    Executor executor() {
        return executor;
    }

    /**
     * The processor time of the threads the function's code started, so far: the live ones as they
     * stand, those that have ended as they were last seen here.
     */
    synchronized long startedThreadsCpuNanos() {
        Thread[] live = new Thread[group.activeCount() + 16];
        int count = group.enumerate(live);
        for (int i = 0; i < count; i++) {
            if (!gatewayThreads.contains(live[i])) {
                long nanos = CPU.getThreadCpuTime(live[i].getId());
                if (nanos >= 0) {
                    startedThreads.put(live[i], nanos);
                }
            }
        }
        long sum = endedThreadsNanos;
        for (Iterator<Map.Entry<Thread, Long>> seen = startedThreads.entrySet().iterator(); seen.hasNext(); ) {
            Map.Entry<Thread, Long> thread = seen.next();
            sum += thread.getValue();
            if (!thread.getKey().isAlive()) {
                endedThreadsNanos += thread.getValue();
                seen.remove();
            }
        }
        return sum;
    }

    void shutdown() {
        executor.shutdown();
    }

    /** Waits until the invocations under way are over, at most until {@code deadlineNanos}; then interrupts those still running. */
    void awaitTermination(long deadlineNanos) {
        try {
            if (!executor.awaitTermination(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
