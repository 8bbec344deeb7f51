// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How the openings of a load went: open, refused (by HTTP status), handshake timed out, failed otherwise (the first few reasons). */
record Connections(long opened, Map<String, Long> refusedByStatus, long timedOut, long failed, List<String> errors) {

    /** Both loads' openings together. */
    Connections plus(Connections other) {
        Map<String, Long> refused = new TreeMap<>(refusedByStatus);
        other.refusedByStatus.forEach((status, count) -> refused.merge(status, count, Long::sum));
        List<String> reasons = new ArrayList<>(errors);
        reasons.addAll(other.errors);
        return new Connections(opened + other.opened, refused, timedOut + other.timedOut, failed + other.failed,
                List.copyOf(reasons.subList(0, Math.min(5, reasons.size()))));
    }
}
