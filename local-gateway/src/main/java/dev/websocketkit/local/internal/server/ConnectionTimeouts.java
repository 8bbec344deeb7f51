// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * API Gateway's two time limits on a connection: it closes one with 1001 "Going away" when no
 * message has gone either way for the idle timeout (10 minutes), and when it reaches the maximum
 * duration (2 hours) however busy it is. One sweep a twentieth of the shorter limit checks every
 * open connection, so a busy connection costs nothing per message beyond a timestamp.
 */
final class ConnectionTimeouts implements AutoCloseable {

    static final String REASON = "Going away";
    private static final Duration FINEST_SWEEP = Duration.ofMillis(10);
    private static final Duration COARSEST_SWEEP = Duration.ofSeconds(1);

    private final Connections connections;
    private final long idleNanos;
    private final long maxDurationNanos;
    private final ScheduledFuture<?> sweep;

    ConnectionTimeouts(Connections connections, Duration idleTimeout, Duration maxDuration, ScheduledExecutorService scheduler) {
        this.connections = connections;
        this.idleNanos = idleTimeout.toNanos();
        this.maxDurationNanos = maxDuration.toNanos();
        long every = Math.max(FINEST_SWEEP.toNanos(), Math.min(COARSEST_SWEEP.toNanos(), Math.min(idleNanos, maxDurationNanos) / 20));
        this.sweep = scheduler.scheduleWithFixedDelay(this::closeExpired, every, every, TimeUnit.NANOSECONDS);
    }

    private void closeExpired() {
        long now = System.nanoTime();
        connections.forEachOpen(connection -> {
            if (now - connection.lastActiveNanos() >= idleNanos || now - connection.connectedNanos() >= maxDurationNanos) {
                connection.close(StatusCode.SHUTDOWN, REASON);
            }
        });
    }

    @Override
    public void close() {
        sweep.cancel(false);
    }
}
