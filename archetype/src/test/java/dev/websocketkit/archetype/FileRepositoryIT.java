// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * How a team uses the archetype from its internal repository: this build, deployed to a directory
 * (the pom does that before the ITs run), is all the repository holds; a project is generated from
 * it and built with an empty local repository and the settings.xml of docs/platform-teams.md. The
 * archetype, the gateway, its plugin and the parent pom can come from nowhere else, since Maven
 * Central, which serves everything else, has no snapshot of them.
 */
class FileRepositoryIT {

    private static final List<String> DEPLOYED_ARTIFACTS =
            List.of("websocket-api-parent", "websocket-api-archetype", "websocket-local-gateway", "websocket-local-maven-plugin");
    private static final long MAVEN_TIMEOUT_MINUTES = 10;

    private final Path work = Path.of(System.getProperty("fileRepositoryWork"));
    private final Path localRepository = work.resolve("local-repository");
    private final String groupId = System.getProperty("archetypeGroupId");
    private final String version = System.getProperty("archetypeVersion");
    private final List<String> teamSettings = List.of(
            "-s", Path.of("src/it/internal-repository-settings.xml").toAbsolutePath().toString(),
            "-DinternalRepositoryUrl=" + System.getProperty("fileRepositoryUrl"),
            "-Dmaven.repo.local=" + localRepository);

    @Test
    void generatesBuildsAndRunsAProjectWithNothingButTheFileRepositoryAndCentral() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(localRepository);

        maven(work, Path.of("../mvnw").toAbsolutePath().normalize(), "generate.log",
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetypePluginVersion") + ":generate",
                "-DarchetypeGroupId=" + groupId, "-DarchetypeArtifactId=websocket-api-archetype",
                "-DarchetypeVersion=" + version, "-DgroupId=com.example", "-DartifactId=echo-app",
                "-DinteractiveMode=false", "-DoutputDirectory=" + work);
        Path project = work.resolve("echo-app");
        maven(project, project.resolve("mvnw"), "verify.log", "verify");
        try (LocalApi api = LocalApi.start(project, localRepository, teamSettings.toArray(String[]::new))) {
            assertEquals("ws", api.webSocketUri().getScheme(), "the local gateway's plugin runs the API");
        }

        for (String artifact : DEPLOYED_ARTIFACTS) {
            Path fromTheFileRepository = localRepository.resolve(groupId.replace('.', '/') + "/" + artifact + "/" + version + "/maven-metadata-internal.xml");
            assertTrue(Files.isRegularFile(fromTheFileRepository), artifact + " was not downloaded from the file repository");
        }
    }

    /** Runs {@code mvnw} with the team's settings and {@code arguments} in {@code directory}; fails with the end of its log. */
    private void maven(Path directory, Path mvnw, String logName, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvnw.toString(), "-B"));
        command.addAll(teamSettings);
        command.addAll(List.of(arguments));
        Path log = work.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            fail(String.join(" ", command) + " took longer than " + MAVEN_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            fail(String.join(" ", command) + " failed (" + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
