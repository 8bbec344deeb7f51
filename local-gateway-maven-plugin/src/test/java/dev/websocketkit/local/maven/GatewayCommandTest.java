// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.Handshake;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command the goal runs, run for real: a JVM of its own that serves the template until it is stopped. */
class GatewayCommandTest {

    @Test
    void buildsTheGatewaysCommandLineFromTheGoalsParameters() {
        List<String> command = GatewayCommand.builder(Path.of("/jdk/bin/java"), Runtime.Version.parse("21.0.5"))
                .jvmArgs(List.of("-Xmx256m", " "))
                .classDataArchive(Path.of("/project/target/local-gateway/gateway.jsa"))
                .gatewayClassPath(List.of(Path.of("/repo/gateway.jar"), Path.of("/repo/DynamoDBLocal-2.6.1.jar"), Path.of("/repo/jetty.jar"),
                        Path.of("/repo/sqlite4java-1.0.392.jar"), Path.of("/repo/libsqlite4java-linux-amd64-1.0.392.so")))
                .functionClassPath(List.of(Path.of("/project/target/classes")))
                .template(Path.of("/project/template.yaml"))
                .option("--port", "9000")
                .option("--api-key", null)
                .parameters(List.of("StageName=dev", " Greeting=hi"))
                .build();

        assertEquals(List.of("/jdk/bin/java", "--enable-native-access=ALL-UNNAMED", "-Dorg.eclipse.jetty.LEVEL=WARN",
                GatewayCommand.AUTO_CREATE_SHARED_ARCHIVE, "-XX:SharedArchiveFile=/project/target/local-gateway/gateway.jsa", GatewayCommand.QUIET_ARCHIVE,
                "-Xmx256m", "-cp", String.join(File.pathSeparator, "/repo/gateway.jar", "/repo/jetty.jar", "/repo/libsqlite4java-linux-amd64-1.0.392.so"),
                GatewayCommand.MAIN_CLASS, "--dynamodb-local-classpath", "/repo/DynamoDBLocal-2.6.1.jar" + File.pathSeparator + "/repo/sqlite4java-1.0.392.jar",
                "--function-classpath", "/project/target/classes", "--template", "/project/template.yaml",
                "--port", "9000", "--parameter", "StageName=dev", "--parameter", "Greeting=hi"), command);
    }

    @Test
    void allowsPekkosUnsafeMemoryAccessQuietlyFromJava23OnAndLeavesOlderJvmsTheirDefaultOptions() {
        List<String> java25 = GatewayCommand.builder(Path.of("/jdk/bin/java"), Runtime.Version.parse("25.0.1")).build();
        List<String> java21 = GatewayCommand.builder(Path.of("/jdk/bin/java"), Runtime.Version.parse("21.0.5")).build();

        assertTrue(java25.contains(GatewayCommand.ALLOW_UNSAFE_MEMORY_ACCESS), java25.toString());
        assertFalse(java21.contains(GatewayCommand.ALLOW_UNSAFE_MEMORY_ACCESS), "an option JDK 21 does not know stops it: " + java21);
    }

    @Test
    void keepsAClassDataArchiveFromJava19OnOnly() {
        Path archive = Path.of("/project/target/local-gateway/gateway.jsa");
        List<String> java19 = GatewayCommand.builder(Path.of("/jdk/bin/java"), Runtime.Version.parse("19")).classDataArchive(archive).build();
        List<String> java17 = GatewayCommand.builder(Path.of("/jdk/bin/java"), Runtime.Version.parse("17.0.13")).classDataArchive(archive).build();

        assertTrue(java19.contains("-XX:SharedArchiveFile=" + archive), java19.toString());
        assertFalse(java17.contains(GatewayCommand.AUTO_CREATE_SHARED_ARCHIVE), "an option JDK 17 does not know stops it: " + java17);
        assertFalse(String.join(" ", java17).contains("SharedArchiveFile"), "JDK 17 would use the archive without keeping it up to date: " + java17);
    }

    @Test
    @Timeout(60)
    void servesTheTemplateFromTheProjectsClassesUntilStopped() throws Exception {
        List<Path> testClassPath = Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)).map(Path::of).toList();
        List<String> command = GatewayCommand.builder(Path.of(System.getProperty("java.home"), "bin", "java"), Runtime.version())
                .gatewayClassPath(testClassPath)
                .functionClassPath(List.of(Path.of("target/test-classes")))
                .template(Path.of("src/test/resources/template.yaml"))
                .option("--port", "0")
                .option("--api-key", "plugin-test-key-0123456789")
                .parameters(List.of("Greeting=hello"))
                .build();
        assertTrue(command.contains("--dynamodb-local-classpath"), "DynamoDB Local's jar goes to a loader of its own: " + command);
        Process gateway = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = output.readLine()) != null && !line.startsWith("Or open ")) {
                lines.add(line);
            }
            String banner = lines.stream().filter(text -> text.startsWith("Local WebSocket API: ")).findFirst().orElseThrow(
                    () -> new AssertionError("no banner in " + lines));
            URI uri = URI.create(banner.substring("Local WebSocket API: ".length()));
            assertTrue(lines.contains("API key: plugin-test-key-0123456789"), lines.toString());

            assertEquals(403, Handshake.to(uri).refusal());
            // $connect runs once the template's table exists: DynamoDB Local, loaded apart, has created it.
            Handshake.to(uri).apiKey("plugin-test-key-0123456789").connect().close();
            assertTrue(output.readLine().contains("greeting: hello"), "the function got its template parameter");
            assertTrue(output.readLine().endsWith("log4j2.loggerContextFactory: null"),
                    "the gateway's own Log4j setting is not left for the functions' Log4j to find");
        } finally {
            gateway.destroy();
        }
        assertTrue(gateway.waitFor(20, TimeUnit.SECONDS), "the gateway stops when its process is told to");
    }
}
