// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server the benchmark starts in a process of its own, with its output lines readable as they
 * come. Closing it stops the process and every process it started.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private boolean ended;
    private int awaited;

    ServerProcess(List<String> command) throws IOException {
        this(new ProcessBuilder(command));
    }

    ServerProcess(ProcessBuilder builder) throws IOException {
        process = builder.redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "server-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
        synchronized (this) {
            ended = true;
            notifyAll();
        }
    }

    /** The next output line that matches, after the line the previous call returned; waits up to two minutes. */
    synchronized String await(Predicate<String> wanted) throws InterruptedException {
        int found = indexOf(awaited, wanted);
        awaited = found + 1;
        return lines.get(found);
    }

    /** The first matching line after the first {@code skipped} lines; waits up to two minutes. */
    synchronized String awaitAfter(int skipped, Predicate<String> wanted) throws InterruptedException {
        return lines.get(indexOf(skipped, wanted));
    }

    /** The next {@code count} matching lines. */
    List<String> awaitAll(Predicate<String> wanted, int count) throws InterruptedException {
        List<String> matching = new ArrayList<>();
        while (matching.size() < count) {
            matching.add(await(wanted));
        }
        return matching;
    }

    private int indexOf(int from, Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (int index = from; ; index++) {
            while (index >= lines.size()) {
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new IllegalStateException(notPrinted());
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            if (wanted.test(lines.get(index))) {
                return index;
            }
        }
    }

    private String notPrinted() {
        String how = ended ? "exited" + (process.isAlive() ? "" : " with " + process.exitValue()) : "is alive";
        return "the server did not print the expected line within " + PATIENCE.toMinutes() + " minutes (it " + how + "); its last lines:\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    /** How many lines it has printed so far. */
    synchronized int lineCount() {
        return lines.size();
    }

    /** The lines printed so far that match. */
    synchronized List<String> lines(Predicate<String> wanted) {
        return lines.stream().filter(wanted).toList();
    }

    /** Writes one line to the process's standard input. */
    void send(String line) {
        try {
            OutputStream input = process.getOutputStream();
            input.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            input.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the server no longer reads its input", e);
        }
    }

    /** The processor time the process has used so far, in milliseconds. */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().orElseThrow().toNanos() / 1e6;
    }

    /** Stops the process and its descendants; the next measurement must not share the processors with their shutdown. */
    @Override
    public void close() {
        ProcessTree.stop(process.toHandle(), Duration.ofSeconds(30));
    }
}
