// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
        rows.add(header);
    }

    void row(String... cells) {
        rows.add(cells);
    }

    void print() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("| ");
            for (int column = 0; column < row.length; column++) {
                String cell = row[column];
                line.append(column == 0 ? pad(cell, widths[column], true) : pad(cell, widths[column], false)).append(" | ");
            }
            System.out.println(line.toString().stripTrailing());
            if (row == rows.get(0)) {
                StringBuilder rule = new StringBuilder("|");
                for (int width : widths) {
                    rule.append("-".repeat(width + 2)).append('|');
                }
                System.out.println(rule);
            }
        }
    }

    private static String pad(String text, int width, boolean left) {
        String padding = " ".repeat(width - text.length());
        return left ? text + padding : padding + text;
    }
}
