// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The gateway issue's targets, each with what this run measured and its reference from the same
 * run, gathered from the sections as they run and printed last, so that docs/performance.md can
 * quote them as they are. Figures, not checks: a target missed does not fail the benchmark.
 */
final class Targets {

    private static final List<String[]> ROWS = new ArrayList<>();

    private Targets() {
    }

    static synchronized void add(String figure, String target, String measured, String reference, boolean met) {
        ROWS.add(new String[] {figure, target, measured, reference, met ? "met" : "not met"});
    }

    static synchronized void print() {
        if (ROWS.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Targets of the local gateway, as this run measured them (each beside its reference from the same run)");
        Table table = new Table("figure", "target", "measured", "reference", "verdict");
        ROWS.forEach(table::row);
        table.print();
    }
}
