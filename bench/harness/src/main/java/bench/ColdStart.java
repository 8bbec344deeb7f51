package bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Milliseconds from process start to the handler's reply, one fresh JVM per run. */
    List<Double> measure(String classpath, String handlerClass, String kind, int runs) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            times.add(once(classpath, handlerClass, kind));
        }
        return times;
    }

    private double once(String classpath, String handlerClass, String kind) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (pinned) {
            command.addAll(List.of("taskset", "-c", "0"));
        }
        command.add(java);
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(List.of("-cp", runnerClasses + File.pathSeparator + classpath, "bench.ColdStartRunner", handlerClass, kind));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);

        long start = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.equals("done")) {
                    double millis = (System.nanoTime() - start) / 1e6;
                    process.waitFor();
                    return millis;
                }
                output.append(line).append('\n');
            }
        }
        throw new IllegalStateException(handlerClass + " did not reply:\n" + output);
    }
}
