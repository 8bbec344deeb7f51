// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

/**
 * API Gateway's quota of new connections per second: a token bucket that holds at most one second's
 * worth of connections and refills at the quota's rate. A handshake that finds it empty is refused
 * with 429 before anything is invoked.
 */
final class NewConnectionQuota {

    private final int perSecond;
    private double tokens;
    private long refilledAtNanos;

    NewConnectionQuota(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("The new-connection quota must be at least 1 per second, not " + perSecond);
        }
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.refilledAtNanos = System.nanoTime();
    }

    /** Takes one connection of the quota; false when this second's are used up. */
    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - refilledAtNanos) * perSecond / 1e9);
        refilledAtNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens--;
        return true;
    }
}
