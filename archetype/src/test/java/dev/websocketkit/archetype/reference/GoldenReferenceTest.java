// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenReferenceTest {

    @TempDir
    Path work;

    private Path base;
    private Path variant;
    private Path differences;

    @BeforeEach
    void aDefaultProjectAndAVariantOfIt() throws IOException {
        base = work.resolve("defaults/reference");
        write(base, "pom.xml", "<project>\n  <groupId>com.example</groupId>\n  <release>21</release>\n</project>\n");
        write(base, "src/main/java/com/example/Store.java", "package com.example;\n\ninterface Store {\n}\n");
        write(base, "src/main/java/com/example/Handler.java", "package com.example;\n\n-- not Java, a line that looks like a diff's header\n\nclass Handler {\n}\n");
        write(base, "mvnw.cmd", "@echo off\r\nrem unchanged\r\n");
        write(base, "target/classes/Ignored.class", "\0built");

        variant = work.resolve("memory/echo-app");
        write(variant, "pom.xml", "<project>\n  <groupId>com.example</groupId>\n  <release>17</release>\n</project>\n");
        write(variant, "src/main/java/com/example/Handler.java", "package com.example;\n\n\nclass Handler {\n}\n");
        write(variant, "src/main/java/com/example/MemoryStore.java", "package com.example;\n\nclass MemoryStore {\n}\n");
        write(variant, "mvnw.cmd", "@echo off\r\nrem unchanged\r\n");
        differences = work.resolve("memory/reference.diff");
    }

    @Test
    void theDifferencesHoldOnlyWhatDiffersAndListAbsentFilesByName() throws IOException {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);

        String stored = Files.readString(differences);
        assertTrue(stored.contains("Only in the base: src/main/java/com/example/Store.java\n"), stored);
        assertFalse(stored.contains("interface Store"), "an absent file is listed, not stored:\n" + stored);
        assertTrue(stored.contains("-  <release>21</release>\n+  <release>17</release>\n"), stored);
        assertTrue(stored.contains("+++ b/src/main/java/com/example/MemoryStore.java\n"), stored);
        assertFalse(stored.contains("mvnw.cmd"), "an unchanged file is not stored:\n" + stored);
    }

    @Test
    void theBaseWithTheDifferencesIsTheVariantByteForByte() {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);

        ProjectTree rebuilt = Differences.apply(ProjectTree.read(base), readLines(differences));

        ProjectTree expected = ProjectTree.read(variant);
        assertEquals(expected.files().keySet(), rebuilt.files().keySet());
        expected.files().forEach((path, file) -> assertArrayEquals(file.bytes(), rebuilt.files().get(path).bytes(), path));
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, false);
    }

    @Test
    void oneChangedLineInTheGeneratedProjectTurnsTheCheckRed() throws IOException {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);
        write(variant, "src/main/java/com/example/MemoryStore.java", "package com.example;\n\nfinal class MemoryStore {\n}\n");

        AssertionError red = assertThrows(AssertionError.class,
                () -> GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, false));

        assertTrue(red.getMessage().contains("differs: src/main/java/com/example/MemoryStore.java, line 3:\n"
                + "    expected: class MemoryStore {\n    generated: final class MemoryStore {"), red.getMessage());
    }

    @Test
    void oneChangedLineOfTheDefaultProjectTurnsTheVariantRedToo() throws IOException {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);
        write(base, "mvnw.cmd", "@echo off\r\nrem changed\r\n");

        AssertionError red = assertThrows(AssertionError.class,
                () -> GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, false));

        assertTrue(red.getMessage().contains("differs: mvnw.cmd, line 2:"), red.getMessage());
    }

    @Test
    void aFileTheVariantAddsOrLeavesOutIsNamed() throws IOException {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);
        write(variant, "README.md", "# extra\n");
        Files.delete(variant.resolve("mvnw.cmd"));

        AssertionError red = assertThrows(AssertionError.class,
                () -> GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, false));

        assertTrue(red.getMessage().contains("missing: mvnw.cmd\nnot in the reference: README.md"), red.getMessage());
    }

    @Test
    void anotherPackageMovesTheBaseFirstSoOnlyRealDifferencesAreStored() throws IOException {
        Path moved = work.resolve("moved/echo-app");
        write(moved, "pom.xml", "<project>\n  <groupId>com.example</groupId>\n  <release>21</release>\n</project>\n");
        write(moved, "src/main/java/org/acme/chat/Store.java", "package org.acme.chat;\n\ninterface Store {\n}\n");
        write(moved, "src/main/java/org/acme/chat/Handler.java", "package org.acme.chat;\n\n-- not Java, a line that looks like a diff's header\n\nclass Handler {\n}\n");
        write(moved, "mvnw.cmd", "@echo off\r\nrem unchanged\r\n");
        Path movedDifferences = work.resolve("moved/reference.diff");

        GoldenReference.checkDifferences(moved, base, "com.example", "org.acme.chat", movedDifferences, true);

        List<String> stored = readLines(movedDifferences);
        assertTrue(stored.stream().allMatch(line -> line.startsWith("#")), "only the description is left:\n" + stored);
        GoldenReference.checkDifferences(moved, base, "com.example", "org.acme.chat", movedDifferences, false);
    }

    @Test
    void anEditorThatTrimsTrailingSpacesLeavesTheDifferencesApplicable() throws IOException {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);
        Files.writeString(differences, Files.readString(differences).replaceAll("(?m)^ $", ""));

        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, false);
    }

    @Test
    void differencesThatNoLongerApplyNameTheirFile() throws IOException {
        GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, true);
        write(base, "pom.xml", "<project>\n  <groupId>org.other</groupId>\n  <version>2</version>\n</project>\n");

        IllegalArgumentException stale = assertThrows(IllegalArgumentException.class,
                () -> GoldenReference.checkDifferences(variant, base, "com.example", "com.example", differences, false));

        assertTrue(stale.getMessage().startsWith("the differences of pom.xml do not apply to the base"), stale.getMessage());
    }

    @Test
    void theWholeTreeOfTheDefaultIsComparedFileByFile() throws IOException {
        Path reference = work.resolve("copy");
        assertEquals(16, GoldenReference.checkTree(base, reference, true));
        write(base, "pom.xml", "<project>\n  <groupId>com.example</groupId>\n  <release>25</release>\n</project>\n");

        AssertionError red = assertThrows(AssertionError.class, () -> GoldenReference.checkTree(base, reference, false));

        assertTrue(red.getMessage().contains("differs: pom.xml, line 3:"), red.getMessage());
        assertFalse(Files.exists(reference.resolve("target")), "what a build wrote is no part of the reference");
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
