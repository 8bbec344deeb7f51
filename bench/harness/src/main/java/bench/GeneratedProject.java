// SPDX-License-Identifier: Apache-2.0

package bench;

import java.nio.file.Path;

/**
 * A project bench/run generated and packaged: its directory (with its {@code template.yaml}) and
 * its functions' runtime class path. The lean default serves every section but the broadcast one,
 * which needs the project generated with {@code -Dfeatures=broadcast}.
 */
record GeneratedProject(Path directory, String functionClasspath) {

    /** The default project ({@code bench.generatedProject}, {@code bench.functionClasspath}). */
    static GeneratedProject lean() {
        return fromSystemProperties("bench.generatedProject", "bench.functionClasspath");
    }

    /** The project with the broadcast feature ({@code bench.broadcastProject}, {@code bench.broadcastClasspath}). */
    static GeneratedProject withBroadcast() {
        return fromSystemProperties("bench.broadcastProject", "bench.broadcastClasspath");
    }

    private static GeneratedProject fromSystemProperties(String directory, String classpath) {
        String path = System.getProperty(directory);
        if (path == null || path.isBlank()) {
            throw new IllegalStateException(directory + " is not set: bench/run generates that project only for the sections that need it");
        }
        return new GeneratedProject(Path.of(path), System.getProperty(classpath));
    }

    Path template() {
        return directory.resolve("template.yaml");
    }
}
