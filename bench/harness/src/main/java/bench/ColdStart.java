// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** Starts a fresh JVM per run, pinned to one CPU with Lambda's JVM flags, and times it to "done". */
final class ColdStart {

    /** The flags Lambda's Java runtimes start the JVM with (heap sized for a 1024 MB function). */
    static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx870m");

    private final String java;
    private final String runnerClasses;
    private final Map<String, String> environment;
    private final boolean pinned;

    ColdStart(String java, String runnerClasses, Map<String, String> environment) {
        this.java = java;
        this.runnerClasses = runnerClasses;
        this.environment = environment;
        this.pinned = Benchmark.commandExists("taskset");
    }

    boolean pinned() {
        return pinned;
    }

    /** One run: from process start to the reply, and within it the priming and the first event, in milliseconds. */
    record Run(double totalMillis, double primingMillis, double firstEventMillis) {
    }

    /** Milliseconds from process start to the handler's reply, one fresh JVM per run. */
    List<Double> measure(String classpath, String handlerClass, String kind, int runs) throws IOException, InterruptedException {
        return measure(classpath, handlerClass, kind, "none", runs).stream().map(Run::totalMillis).toList();
    }

    /**
     * Two handlers measured in turns, A B, then B A, and so on, so that a machine getting busier or
     * quieter during the runs weighs on both alike: the ratio B/A of each pair, and the runs of each.
     */
    Comparison compare(Handler a, Handler b, int pairs) throws IOException, InterruptedException {
        List<Double> aMillis = new ArrayList<>();
        List<Double> bMillis = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 0; pair < pairs; pair++) {
            double aTime;
            double bTime;
            if (pair % 2 == 0) {
                aTime = time(a);
                bTime = time(b);
            } else {
                bTime = time(b);
                aTime = time(a);
            }
            aMillis.add(aTime);
            bMillis.add(bTime);
            ratios.add(bTime / aTime);
        }
        return new Comparison(aMillis, bMillis, ratios);
    }

    private double time(Handler handler) throws IOException, InterruptedException {
        return once(handler.classpath(), handler.handlerClass(), handler.kind(), "none").totalMillis();
    }

    /** A handler class of a class path, invoked with a sample event of {@code kind}. */
    record Handler(String classpath, String handlerClass, String kind) {
    }

    /** The runs of two handlers measured in turns, and the ratio of each pair. */
    record Comparison(List<Double> aMillis, List<Double> bMillis, List<Double> ratios) {
    }

    /** Runs that prime the handler as {@code priming} says (see {@link ColdStartRunner}) before its first event. */
    List<Run> measure(String classpath, String handlerClass, String kind, String priming, int runs) throws IOException, InterruptedException {
        List<Run> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            times.add(once(classpath, handlerClass, kind, priming));
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
            once(handler.classpath(), handler.handlerClass(), handler.kind(), "none", List.of("-Xlog:class+load=info:file=" + log));
            Map<String, Integer> counts = new TreeMap<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                ClassOrigin.of(line).ifPresent(origin -> counts.merge(origin, 1, Integer::sum));
            }
            return counts;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private Run once(String classpath, String handlerClass, String kind, String priming) throws IOException, InterruptedException {
        return once(classpath, handlerClass, kind, priming, List.of());
    }

    private Run once(String classpath, String handlerClass, String kind, String priming, List<String> moreFlags)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (pinned) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(java);
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(moreFlags);
        command.addAll(List.of("-cp", runnerClasses + File.pathSeparator + classpath, "bench.ColdStartRunner", handlerClass, kind, priming));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);

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
                    process.waitFor();
                    return new Run(millis, primingMillis, firstEventMillis);
                } else if (line.startsWith("priming ")) {
                    primingMillis = Long.parseLong(line.substring("priming ".length())) / 1e6;
                } else if (line.startsWith("first-event ")) {
                    firstEventMillis = Long.parseLong(line.substring("first-event ".length())) / 1e6;
                } else {
                    output.append(line).append('\n');
                }
            }
        }
        throw new IllegalStateException(handlerClass + " did not reply:\n" + output);
    }
}
