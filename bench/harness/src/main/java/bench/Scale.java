// SPDX-License-Identifier: Apache-2.0

package bench;

/**
 * How much each section does: the full benchmark's counts, or the smoke run's tiny ones
 * ({@code bench.smoke}), which only show that every section works end to end. {@code bench.runs}
 * and {@code bench.fanOut} override theirs.
 */
record Scale(boolean smoke, int coldStartRuns, int coldStartPairs, int coldStartRepeats, int gatewayStarts, int echoClients, int echoMessages,
             int echoWarmUpRounds, int postCalls, int loadWarmUpClients, int loadWarmUpMessages, int burstClients, int rampClients, int rampPerSecond, int rampMessages,
             int fanOut) {

    /** The burst's clients all open within this many milliseconds. */
    static final int BURST_MILLIS = 500;

    static Scale fromSystemProperties() {
        boolean smoke = Boolean.getBoolean("bench.smoke");
        Scale scale = smoke ? new Scale(true, 2, 2, 1, 2, 3, 5, 2, 20, 4, 2, 20, 20, 500, 3, 50)
                : new Scale(false, 15, 30, 1, 10, 50, 1_000, 10, 2_000, 200, 20, 1_000, 1_000, 500, 100, 10_000);
        return new Scale(smoke, Integer.getInteger("bench.runs", scale.coldStartRuns), Integer.getInteger("bench.pairs", scale.coldStartPairs),
                Integer.getInteger("bench.repeat", scale.coldStartRepeats), scale.gatewayStarts, scale.echoClients,
                scale.echoMessages, scale.echoWarmUpRounds, scale.postCalls, scale.loadWarmUpClients, scale.loadWarmUpMessages, scale.burstClients,
                scale.rampClients, scale.rampPerSecond, scale.rampMessages, Integer.getInteger("bench.fanOut", scale.fanOut));
    }

    /** One round of the warm-up before a timed echo run: a fifth of its messages. */
    int echoWarmUpMessages() {
        return Math.max(1, echoMessages / 5);
    }

    /**
     * In a smoke run, fails when fewer than {@code expected} of {@code what} came: a missing message
     * means a section is broken. A full run reports the counts instead, since under load they are
     * findings.
     */
    void requireAll(String what, long expected, long got) {
        if (smoke && got < expected) {
            throw new IllegalStateException(what + ": " + got + " of " + expected);
        }
    }
}
