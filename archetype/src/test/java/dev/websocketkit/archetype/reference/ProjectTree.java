// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The files of a project by their path from its root, with '/' between names. */
public record ProjectTree(SortedMap<String, TextFile> files) {

    public ProjectTree {
        files = new TreeMap<>(files);
    }

    /**
     * Every file under {@code root}, leaving out what a build wrote to its {@code target/} and the
     * {@code .attach_pid} files a JVM leaves in its working directory when a tool such as jcmd attaches.
     */
    public static ProjectTree read(Path root) {
        Path buildOutput = root.resolve("target");
        SortedMap<String, TextFile> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile).filter(path -> !path.startsWith(buildOutput))
                    .filter(path -> !path.getFileName().toString().startsWith(".attach_pid"))::iterator) {
                String path = relative(root, file);
                files.put(path, TextFile.parse(Files.readAllBytes(file), path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the project tree " + root, e);
        }
        return new ProjectTree(files);
    }

    /** Replaces whatever {@code root} held with this tree. */
    public void write(Path root) {
        try {
            if (Files.exists(root)) {
                try (Stream<Path> old = Files.walk(root)) {
                    for (Path path : old.sorted((a, b) -> b.compareTo(a)).toList()) {
                        Files.delete(path);
                    }
                }
            }
            for (Map.Entry<String, TextFile> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue().bytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the project tree " + root, e);
        }
    }

    /**
     * The same project generated with another {@code package}: its sources moved to the package's
     * folders, and the package's name replaced where it names a package or a class in it, not where
     * a groupId happens to be spelled the same.
     */
    public ProjectTree relocated(String fromPackage, String toPackage) {
        String fromFolder = "/" + fromPackage.replace('.', '/') + "/";
        String toFolder = "/" + toPackage.replace('.', '/') + "/";
        Pattern packageName = Pattern.compile(Pattern.quote(fromPackage) + "(?=[.;])");
        String replacement = Matcher.quoteReplacement(toPackage);
        SortedMap<String, TextFile> moved = new TreeMap<>();
        files.forEach((path, file) -> moved.put(path.replace(fromFolder, toFolder), file.withLines(file.lines().stream()
                .map(line -> packageName.matcher(line.replace(fromFolder, toFolder)).replaceAll(replacement)).toList())));
        return new ProjectTree(moved);
    }

    /** What differs from {@code expected}, a line per file: missing, unexpected, or its first differing line. */
    public List<String> differencesFrom(ProjectTree expected) {
        List<String> problems = new ArrayList<>();
        expected.files.keySet().stream().filter(path -> !files.containsKey(path)).forEach(path -> problems.add("missing: " + path));
        files.keySet().stream().filter(path -> !expected.files.containsKey(path)).forEach(path -> problems.add("not in the reference: " + path));
        files.forEach((path, file) -> {
            TextFile wanted = expected.files.get(path);
            if (wanted != null && !Arrays.equals(wanted.bytes(), file.bytes())) {
                problems.add("differs: " + path + firstDifference(wanted, file));
            }
        });
        return problems;
    }

    private static String firstDifference(TextFile expected, TextFile generated) {
        int lines = Math.max(expected.lines().size(), generated.lines().size());
        for (int line = 0; line < lines; line++) {
            String wanted = line < expected.lines().size() ? expected.lines().get(line) : null;
            String got = line < generated.lines().size() ? generated.lines().get(line) : null;
            if (!Objects.equals(wanted, got)) {
                return ", line " + (line + 1) + ":\n    expected: " + Objects.requireNonNullElse(wanted, "(end of file)")
                        + "\n    generated: " + Objects.requireNonNullElse(got, "(end of file)");
            }
        }
        return ": line ends or final newline";
    }

    public int lineCount() {
        return files.values().stream().mapToInt(file -> file.lines().size()).sum();
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }
}
