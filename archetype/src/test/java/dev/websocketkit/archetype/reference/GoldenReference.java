// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an archetype IT's generated project must be: the default scenario's whole tree, or for every
 * other scenario that tree with the scenario's differences. With {@code update}, the reference is
 * rewritten from the generated project instead ({@code ./mvnw verify -Dreferences.update=true}).
 */
public final class GoldenReference {

    private static final String UPDATE = "./mvnw verify -Dreferences.update=true";

    private GoldenReference() {
    }

    /** The generated project against its whole reference tree; returns the tree's line count. */
    public static int checkTree(Path project, Path reference, boolean update) {
        ProjectTree generated = ProjectTree.read(project);
        if (update) {
            generated.write(reference);
        } else {
            requireExists(reference);
            requireMatch(generated, ProjectTree.read(reference), reference.toString());
        }
        return generated.lineCount();
    }

    /**
     * The generated project against {@code base}'s tree with the scenario's {@code differences}, after
     * moving the base from {@code basePackage} to the scenario's {@code projectPackage}; returns the
     * differences' line count.
     */
    public static int checkDifferences(Path project, Path base, String basePackage, String projectPackage,
                                       Path differences, boolean update) {
        requireExists(base);
        ProjectTree baseTree = ProjectTree.read(base).relocated(basePackage, projectPackage);
        ProjectTree generated = ProjectTree.read(project);
        if (update) {
            List<String> lines = Differences.between(baseTree, generated, description(base, basePackage, projectPackage));
            write(differences, lines);
            return lines.size();
        }
        requireExists(differences);
        List<String> lines = read(differences);
        requireMatch(generated, Differences.apply(baseTree, lines), base + " with the differences in " + differences);
        return lines.size();
    }

    private static List<String> description(Path base, String basePackage, String projectPackage) {
        List<String> lines = new ArrayList<>();
        lines.add("The project this scenario generates: " + base.getParent().getFileName() + "/" + base.getFileName()
                + (basePackage.equals(projectPackage) ? "" : " moved from package " + basePackage + " to " + projectPackage)
                + ", with these differences.");
        lines.add("Rewritten by " + UPDATE + ": review it as you would review code.");
        return lines;
    }

    private static void requireMatch(ProjectTree generated, ProjectTree expected, String reference) {
        List<String> problems = generated.differencesFrom(expected);
        if (!problems.isEmpty()) {
            throw new AssertionError("the generated project differs from its reference, " + reference
                    + " (after an intended change: " + UPDATE + ", and review the diff):\n" + String.join("\n", problems));
        }
    }

    private static void requireExists(Path reference) {
        if (!Files.exists(reference)) {
            throw new AssertionError("no reference at " + reference + ": run " + UPDATE);
        }
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
