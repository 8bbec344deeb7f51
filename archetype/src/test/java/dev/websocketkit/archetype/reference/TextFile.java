// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype.reference;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A file of a generated project as lines, with the line separator and final newline it was written
 * with, so that it can be compared and rewritten byte for byte.
 */
public record TextFile(List<String> lines, String separator, boolean endsWithSeparator) {

    public TextFile {
        lines = List.copyOf(lines);
    }

    /** A new file as the differences bring it: Unix line ends, a final newline. */
    public static TextFile of(List<String> lines) {
        return new TextFile(lines, "\n", true);
    }

    public static TextFile parse(byte[] bytes, String path) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(path + " is not a text file: a reference tree holds text only");
        }
        String separator = text.contains("\r\n") ? "\r\n" : "\n";
        boolean endsWithSeparator = text.endsWith(separator);
        String body = endsWithSeparator ? text.substring(0, text.length() - separator.length()) : text;
        List<String> lines = text.isEmpty() ? List.of() : List.of(body.split(separator, -1));
        return new TextFile(lines, separator, endsWithSeparator);
    }

    public byte[] bytes() {
        String body = String.join(separator, lines);
        return (lines.isEmpty() || !endsWithSeparator ? body : body + separator).getBytes(StandardCharsets.UTF_8);
    }

    public TextFile withLines(List<String> changed) {
        return new TextFile(changed, separator, endsWithSeparator);
    }
}
