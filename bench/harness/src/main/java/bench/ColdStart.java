// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** Runs that prime the handler as {@code priming} says (see {@link ColdStartRunner}) before its first event. */
    List<Run> measure(String classpath, String handlerClass, String kind, String priming, int runs) throws IOException, InterruptedException {
        List<Run> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            times.add(once(classpath, handlerClass, kind, priming));
        }
        return times;
    }

    private Run once(String classpath, String handlerClass, String kind, String priming) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (pinned) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(java);
        command.addAll(LAMBDA_JVM_FLAGS);
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
