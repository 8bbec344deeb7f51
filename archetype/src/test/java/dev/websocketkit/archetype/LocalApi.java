// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.archetype;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A generated project's {@code ./mvnw -Plocal}, run as its README tells a user to, until closed. */
final class LocalApi implements AutoCloseable {

    private static final Pattern BANNER_FIELD = Pattern.compile("^(Local WebSocket API|Token): (\\S+)$");
    private static final Pattern BANNER_END = Pattern.compile("^Or open (\\S+) in a browser$");
    private static final long START_TIMEOUT_MILLIS = 180_000;
    private static final long LINE_TIMEOUT_MILLIS = 60_000;

    private final Process maven;
    private final Map<String, String> banner = new HashMap<>();
    private final List<String> afterBanner = new CopyOnWriteArrayList<>();
    private URI pageUri;

    private LocalApi(Process maven) {
        this.maven = maven;
    }

    /** Starts the project's local API on a free port, Maven given {@code mavenArguments} too, and waits for its banner. */
    static LocalApi start(Path project, Path localRepository, String... mavenArguments) throws IOException {
        if (!Files.isExecutable(project.resolve("mvnw"))) {
            throw new IllegalStateException("No generated project at " + project
                    + ": BrowserIT drives the project of the features-all IT, so run that IT too (add features-all to -Dinvoker.test)");
        }
        List<String> arguments = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "-B",
                "-Dmaven.repo.local=" + localRepository, "-Plocal", "-Dlocal.port=0"));
        arguments.addAll(List.of(mavenArguments));
        ProcessBuilder command = new ProcessBuilder(arguments)
                .directory(project.toFile())
                .redirectErrorStream(true);
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        LocalApi api = new LocalApi(command.start());
        try {
            api.awaitBanner();
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
        return api;
    }

    URI webSocketUri() {
        return URI.create(banner.get("Local WebSocket API"));
    }

    URI pageUri() {
        return pageUri;
    }

    String token() {
        return banner.get("Token");
    }

    /** What the console has shown since the banner. */
    List<String> linesAfterBanner() {
        return List.copyOf(afterBanner);
    }

    /** Waits, a minute at most, until the console shows a line that matches. */
    void awaitLineAfterBanner(String description, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.currentTimeMillis() + LINE_TIMEOUT_MILLIS;
        while (afterBanner.stream().noneMatch(wanted)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("./mvnw -Plocal printed no " + description + " in a minute; after its banner:\n"
                        + String.join("\n", afterBanner));
            }
            Thread.sleep(100);
        }
    }

    private void awaitBanner() throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (pageUri == null) {
            String line = output.readLine();
            if (line == null || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("./mvnw -Plocal printed no banner:\n" + String.join("\n", seen));
            }
            seen.add(line);
            Matcher field = BANNER_FIELD.matcher(line);
            Matcher end = BANNER_END.matcher(line);
            if (field.matches()) {
                banner.put(field.group(1), field.group(2));
            } else if (end.matches()) {
                pageUri = URI.create(end.group(1));
            }
        }
        CompletableFuture.runAsync(() -> output.lines().forEach(afterBanner::add));
    }

    @Override
    public void close() {
        maven.descendants().forEach(ProcessHandle::destroy);
        maven.destroy();
        try {
            maven.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
