// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype.reference;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.patch.PatchFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project as the differences from another, in the form {@code diff -ru} prints: "Only in" for a
 * file it lacks, a unified diff for a file it changes or adds. Lines starting with {@code #} before
 * the first file are a description for the reader.
 */
public final class Differences {

    private static final String ABSENT = "Only in the base: ";
    private static final String NO_FILE = "/dev/null";
    private static final int CONTEXT_LINES = 2;
    private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,(\\d+))? \\+\\d+(?:,(\\d+))? @@");

    private Differences() {
    }

    /** The lines that turn {@code base} into {@code variant}, after the {@code description} lines. */
    public static List<String> between(ProjectTree base, ProjectTree variant, List<String> description) {
        List<String> lines = new ArrayList<>();
        description.forEach(line -> lines.add("# " + line));
        base.files().keySet().stream().filter(path -> !variant.files().containsKey(path)).forEach(path -> lines.add(ABSENT + path));
        variant.files().forEach((path, file) -> {
            TextFile original = base.files().get(path);
            requireSameLineEnds(original == null ? TextFile.of(List.of()) : original, file, path);
            List<String> originalLines = original == null ? List.of() : original.lines();
            Patch<String> patch = DiffUtils.diff(originalLines, file.lines());
            if (!patch.getDeltas().isEmpty()) {
                lines.addAll(UnifiedDiffUtils.generateUnifiedDiff(original == null ? NO_FILE : "a/" + path, "b/" + path,
                        originalLines, patch, CONTEXT_LINES));
            }
        });
        return lines;
    }

    private static void requireSameLineEnds(TextFile original, TextFile changed, String path) {
        if (!original.separator().equals(changed.separator()) || original.endsWithSeparator() != changed.endsWithSeparator()) {
            throw new IllegalArgumentException(path + " ends its lines otherwise than the base does"
                    + " (a new file: otherwise than with a newline each), which differences in lines cannot hold");
        }
    }

    /** {@code base} with the differences applied; fails naming the file whose differences do not apply. */
    public static ProjectTree apply(ProjectTree base, List<String> differences) {
        SortedMap<String, TextFile> files = new TreeMap<>(base.files());
        int at = 0;
        while (at < differences.size() && differences.get(at).startsWith("#")) {
            at++;
        }
        while (at < differences.size()) {
            String line = differences.get(at);
            if (line.startsWith(ABSENT)) {
                String path = line.substring(ABSENT.length());
                if (files.remove(path) == null) {
                    throw new IllegalArgumentException("the differences list " + path + " as absent, and the base has no such file");
                }
                at++;
            } else if (line.startsWith("--- ")) {
                int end = endOfFile(differences, at);
                applyToFile(files, differences.subList(at, end));
                at = end;
            } else {
                throw new IllegalArgumentException("line " + (at + 1) + " of the differences is neither \"" + ABSENT
                        + "…\" nor a file's \"--- \": " + line);
            }
        }
        return new ProjectTree(files);
    }

    private static void applyToFile(Map<String, TextFile> files, List<String> fileDifferences) {
        String original = fileDifferences.get(0).substring("--- ".length());
        String path = fileDifferences.get(1).substring("+++ b/".length());
        TextFile file = original.equals(NO_FILE) ? TextFile.of(List.of()) : files.get(path);
        if (file == null) {
            throw new IllegalArgumentException("the differences change " + path + ", and the base has no such file");
        }
        try {
            files.put(path, file.withLines(UnifiedDiffUtils.parseUnifiedDiff(fileDifferences).applyTo(file.lines())));
        } catch (PatchFailedException e) {
            throw new IllegalArgumentException("the differences of " + path + " do not apply to the base: " + e.getMessage(), e);
        }
    }

    /** Where the file starting at {@code start} ends: its hunks say how many lines they hold. */
    private static int endOfFile(List<String> lines, int start) {
        int at = start + 2;
        while (at < lines.size()) {
            Matcher hunk = HUNK.matcher(lines.get(at));
            if (!hunk.find()) {
                break;
            }
            int originalLeft = count(hunk.group(1));
            int revisedLeft = count(hunk.group(2));
            at++;
            while (originalLeft > 0 || revisedLeft > 0) {
                char kind = lines.get(at).isEmpty() ? ' ' : lines.get(at).charAt(0);
                if (kind != '+') {
                    originalLeft--;
                }
                if (kind != '-') {
                    revisedLeft--;
                }
                at++;
            }
        }
        return at;
    }

    private static int count(String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }
}
