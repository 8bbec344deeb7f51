// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The class-data archive of the gateway's JVM, and a note beside it of the JDK and the jars it is
 * for. The JVM writes the archive as it stops; it does not write it anew when a jar on the class
 * path has changed or moved (JDK 25 refused the old archive and kept it), so the archive is
 * deleted here whenever the note no longer matches, and the next JVM writes a fresh one.
 */
final class ClassDataArchive {

    private final Path archive;
    private final Path note;

    ClassDataArchive(Path archive) {
        this.archive = archive.toAbsolutePath();
        this.note = this.archive.resolveSibling(this.archive.getFileName() + ".for");
    }

    Path archive() {
        return archive;
    }

    /**
     * Keeps the archive if it was made for this JDK and these jars; deletes it otherwise.
     *
     * @throws IllegalArgumentException if the archive's path names a directory
     */
    void prepareFor(Path java, Runtime.Version javaVersion, List<Path> classPath) throws IOException {
        if (Files.isDirectory(archive)) {
            throw new IllegalArgumentException(archive + " is a directory: name the archive's file in it, such as gateway.jsa");
        }
        String wanted = String.join("\n", madeFor(java, javaVersion, classPath)) + "\n";
        if (Files.isRegularFile(note) && Files.readString(note, StandardCharsets.UTF_8).equals(wanted)) {
            return;
        }
        Files.createDirectories(archive.getParent());
        Files.deleteIfExists(archive);
        Files.writeString(note, wanted, StandardCharsets.UTF_8);
    }

    /** The JDK, then each of the gateway's jars with its size and time of change: a superset of what the JVM checks an archive against. */
    private static List<String> madeFor(Path java, Runtime.Version javaVersion, List<Path> classPath) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(java.toAbsolutePath() + " " + javaVersion);
        for (Path jar : classPath) {
            lines.add(Files.isRegularFile(jar)
                    ? jar.toAbsolutePath() + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis()
                    : jar.toAbsolutePath() + " absent");
        }
        return lines;
    }
}
