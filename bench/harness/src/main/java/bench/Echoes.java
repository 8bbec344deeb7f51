// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The timed round trips of an echo load: how many were expected, how many replies came (and of
 * those, how many were not the expected reply), in how many seconds, and how long each took.
 */
record Echoes(long expected, long received, long wrong, double seconds, List<Long> roundTripNanos) {

    Echoes {
        List<Long> sorted = new ArrayList<>(roundTripNanos);
        Collections.sort(sorted);
        roundTripNanos = List.copyOf(sorted);
    }

    /** Two loads' round trips together, as if one load, run at the same time as the other. */
    Echoes plus(Echoes other) {
        List<Long> both = new ArrayList<>(roundTripNanos);
        both.addAll(other.roundTripNanos);
        return new Echoes(expected + other.expected, received + other.received, wrong + other.wrong, Math.max(seconds, other.seconds), both);
    }

    long missing() {
        return expected - received;
    }

    double messagesPerSecond() {
        return received / seconds;
    }

    double p50Millis() {
        return percentileMillis(50);
    }

    double p99Millis() {
        return percentileMillis(99);
    }

    private double percentileMillis(int percent) {
        if (roundTripNanos.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * roundTripNanos.size()) - 1;
        return roundTripNanos.get(Math.max(0, index)) / 1e6;
    }
}
