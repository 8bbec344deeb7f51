// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A server the benchmark starts in a JVM of its own, with its output lines readable as they come. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> everything = new java.util.concurrent.CopyOnWriteArrayList<>();

    ServerProcess(List<String> command) throws IOException {
        this(new ProcessBuilder(command));
    }

    ServerProcess(ProcessBuilder builder) throws IOException {
        process = builder.redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    lines.add(line);
                    everything.add(line);
                }
            } catch (IOException e) {
                // The process ended.
            }
        }, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The next output line that matches, waiting up to two minutes. */
    String await(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
        }
        int from = Math.max(0, everything.size() - 20);
        throw new IllegalStateException("the server did not print the expected line in two minutes"
                + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")") + "; its last lines:\n"
                + String.join("\n", everything.subList(from, everything.size())));
    }

    /** The next {@code count} matching lines. */
    List<String> awaitAll(Predicate<String> wanted, int count) throws InterruptedException {
        List<String> matching = new ArrayList<>();
        while (matching.size() < count) {
            matching.add(await(wanted));
        }
        return matching;
    }

    /** The processor time the process has used so far, in milliseconds. */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos() / 1e6;
    }

    /** The lines printed so far that match. */
    List<String> lines(Predicate<String> wanted) {
        return everything.stream().filter(wanted).toList();
    }

    /** How many of the lines printed so far match. */
    long count(Predicate<String> wanted) {
        return everything.stream().filter(wanted).count();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            // The next measurement must not share the processors with this server's shutdown.
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
