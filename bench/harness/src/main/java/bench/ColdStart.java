// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Starts a fresh JVM per run, pinned to one CPU with Lambda's JVM flags, and times it to "done":
 * the wall time from process start, and the processor time the process spent (user and system, all
 * its threads), read from {@code /proc} while it waits to exit.
 */
final class ColdStart {

    /** The flags Lambda's Java runtimes start the JVM with (heap sized for a 1024 MB function). */
    static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx870m");

    /** Clock ticks a second of {@code /proc/<pid>/stat}'s times (USER_HZ, 100 on Linux). */
    private static final double TICK_MILLIS = 10;

    private final String java;
    private final String runnerClasspath;
    private final Map<String, String> environment;
    private final boolean pinned;

    /**
     * @param runnerClasspath the runner's classes and what stands for Lambda's Java runtime (its
     *     runtime interface client): ahead of every handler's class path, as on Lambda
     */
    ColdStart(String java, String runnerClasspath, Map<String, String> environment) {
        this.java = java;
        this.runnerClasspath = runnerClasspath;
        this.environment = environment;
        this.pinned = Benchmark.commandExists("taskset");
    }

    boolean pinned() {
        return pinned;
    }

    /**
     * One run: from process start to the reply, the processor time the process spent by then (NaN
     * where {@code /proc} cannot tell), and within it the priming and the first event, in milliseconds.
     */
    record Run(double totalMillis, double cpuMillis, double primingMillis, double firstEventMillis) {
    }

    /** A handler class of a class path, invoked with a sample event of {@code kind}, with more environment variables. */
    record Handler(String classpath, String handlerClass, String kind, Map<String, String> environment) {

        Handler(String classpath, String handlerClass, String kind) {
            this(classpath, handlerClass, kind, Map.of());
        }

        /** The same handler, its runner spending {@code millis} of processor time before it loads (a slower one, on purpose). */
        Handler slowedBy(int millis) {
            if (millis == 0) {
                return this;
            }
            Map<String, String> more = new TreeMap<>(environment);
            more.put("BENCH_SPIN_MILLIS", Integer.toString(millis));
            return new Handler(classpath, handlerClass, kind, more);
        }
    }

    /**
     * The runs of two handlers measured in turns, and the ratio B/A of each pair, of wall time and of
     * processor time. Nothing is left out: every pair counts.
     */
    record Comparison(List<Run> a, List<Run> b) {

        List<Double> wallRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int pair = 0; pair < a.size(); pair++) {
                ratios.add(b.get(pair).totalMillis() / a.get(pair).totalMillis());
            }
            return ratios;
        }

        List<Double> cpuRatios() {
            List<Double> ratios = new ArrayList<>();
            for (int pair = 0; pair < a.size(); pair++) {
                ratios.add(b.get(pair).cpuMillis() / a.get(pair).cpuMillis());
            }
            return ratios;
        }

        static List<Double> wall(List<Run> runs) {
            return runs.stream().map(Run::totalMillis).toList();
        }

        static List<Double> cpu(List<Run> runs) {
            return runs.stream().map(Run::cpuMillis).toList();
        }
    }

    /** Milliseconds from process start to the handler's reply, one fresh JVM per run. */
    List<Double> measure(String classpath, String handlerClass, String kind, int runs) throws IOException, InterruptedException {
        return measure(classpath, handlerClass, kind, "none", runs).stream().map(Run::totalMillis).toList();
    }

    /**
     * Runs each handler once, untimed, so that neither pays for reading its jar into the page cache
     * in a timed run; the first handler measured after a build would otherwise pay it alone.
     */
    void warmUp(Handler... handlers) throws IOException, InterruptedException {
        for (Handler handler : handlers) {
            once(handler, "none", List.of());
        }
    }

    /**
     * Two handlers measured in turns, A B, then B A, and so on, so that a machine getting busier or
     * quieter during the runs weighs on both alike, after one untimed run of each ({@link #warmUp}).
     */
    Comparison compare(Handler a, Handler b, int pairs) throws IOException, InterruptedException {
        warmUp(a, b);
        List<Run> aRuns = new ArrayList<>();
        List<Run> bRuns = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            if (pair % 2 == 0) {
                aRuns.add(once(a, "none", List.of()));
                bRuns.add(once(b, "none", List.of()));
            } else {
                bRuns.add(once(b, "none", List.of()));
                aRuns.add(once(a, "none", List.of()));
            }
        }
        return new Comparison(aRuns, bRuns);
    }

    /** Runs that prime the handler as {@code priming} says (see {@link ColdStartRunner}) before its first event. */
    List<Run> measure(String classpath, String handlerClass, String kind, String priming, int runs) throws IOException, InterruptedException {
        Handler handler = new Handler(classpath, handlerClass, kind);
        List<Run> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            times.add(once(handler, priming, List.of()));
        }
        return times;
    }

    /**
     * The classes one cold start of {@code handler} loads, by where they come from ({@link ClassOrigin}),
     * read from the JVM's {@code -Xlog:class+load} of one run.
     */
    Map<String, Integer> classesLoaded(Handler handler) throws IOException, InterruptedException {
        Path log = Files.createTempFile("class-load", ".log");
        try {
            once(handler, "none", List.of("-Xlog:class+load=info:file=" + log));
            Map<String, Integer> counts = new TreeMap<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                ClassOrigin.of(line).ifPresent(origin -> counts.merge(origin, 1, Integer::sum));
            }
            return counts;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private Run once(Handler handler, String priming, List<String> moreFlags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (pinned) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(java);
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(moreFlags);
        command.addAll(List.of("-cp", runnerClasspath + File.pathSeparator + handler.classpath(), "bench.ColdStartRunner",
                handler.handlerClass(), handler.kind(), priming));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        builder.environment().putAll(handler.environment());

        long start = System.nanoTime();
        Process process = builder.start();
        // A runner that hangs is killed, which ends its output: it then counts as one that did not reply.
        process.onExit().orTimeout(2, TimeUnit.MINUTES).exceptionally(hung -> process.destroyForcibly());
        StringBuilder output = new StringBuilder();
        double primingMillis = 0;
        double firstEventMillis = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("done")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    // The runner waits for its standard input to close: its threads are all still there to read.
                    double cpuMillis = cpuMillis(process.pid());
                    process.getOutputStream().close();
                    process.waitFor();
                    return new Run(millis, cpuMillis, primingMillis, firstEventMillis);
                } else if (line.startsWith("priming ")) {
                    primingMillis = Long.parseLong(line.substring("priming ".length())) / 1e6;
                } else if (line.startsWith("first-event ")) {
                    firstEventMillis = Long.parseLong(line.substring("first-event ".length())) / 1e6;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        throw new IllegalStateException(handler.handlerClass() + " did not reply:\n" + output);
    }

    /**
     * The processor time a live process has spent, user and system, in milliseconds: the sum of its
     * threads' time on a CPU in nanoseconds ({@code /proc/<pid>/task/<tid>/schedstat}), or the
     * process's own count in clock ticks ({@code /proc/<pid>/stat}) where that is more, which it is
     * only when a thread has ended, taking its time out of the first sum. NaN without {@code /proc}.
     */
    static double cpuMillis(long pid) {
        Path process = Path.of("/proc", Long.toString(pid));
        try {
            long nanos = 0;
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
                for (Path task : tasks) {
                    try {
                        nanos += Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
                    } catch (IOException ended) {
                        // a thread that ended while we read: /proc/<pid>/stat still counts it
                    }
                }
            }
            String stat = Files.readString(process.resolve("stat"));
            // The fields after the command name, which is in parentheses and may hold spaces: utime is the 14th field, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            double ticksMillis = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MILLIS;
            return Math.max(nanos / 1e6, ticksMillis);
        } catch (IOException | RuntimeException unavailable) {
            return Double.NaN;
        }
    }
}
