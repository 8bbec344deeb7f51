// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The local gateway in a JVM of its own ({@link MeasuredGateway}), and what its banner says. */
final class GatewayProcess implements AutoCloseable {

    /**
     * The processor time of the gateway's JVM, of the functions in it, of the threads their code
     * started and of the JIT compilers and the collector, and how many times the gateway's own
     * threads were switched out: totals, or per echo ({@link #perEchoSince}); {@code -1} where
     * {@code /proc} could not tell.
     */
    record CpuUsage(long processNanos, long functionNanos, long startedThreadNanos, long jvmNanos, double gatewaySwitches) {

        /** What the gateway used between {@code earlier} and this, per one of {@code echoes}. */
        CpuUsage perEchoSince(CpuUsage earlier, long echoes) {
            long count = Math.max(1, echoes);
            return new CpuUsage((processNanos - earlier.processNanos) / count, (functionNanos - earlier.functionNanos) / count,
                    (startedThreadNanos - earlier.startedThreadNanos) / count, jvmNanos < 0 ? -1 : (jvmNanos - earlier.jvmNanos) / count,
                    gatewaySwitches < 0 ? -1 : (gatewaySwitches - earlier.gatewaySwitches) / count);
        }

        /** The gateway's own: neither the functions' nor the JVM's compilers' and collector's. */
        long gatewayNanos() {
            return processNanos - functionNanos - Math.max(0, jvmNanos);
        }
    }

    private final ServerProcess process;
    private final URI uri;
    private final String apiKey;
    private final String token;

    /** The lean default project's API on a gateway of its own. */
    GatewayProcess() throws Exception {
        this(GeneratedProject.lean(), List.of());
    }

    /** @param options more options of {@link MeasuredGateway}, e.g. {@code --parameter Name=Value} */
    GatewayProcess(GeneratedProject project, List<String> options) throws Exception {
        // Deep stacks, so that a profile's samples keep the frames that say whose they are.
        List<String> command = new ArrayList<>(List.of(System.getProperty("bench.java"), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.eclipse.jetty.LEVEL=WARN", "-XX:FlightRecorderOptions:stackdepth=512"));
        String profiling = System.getProperty("bench.gatewayJvmArgs", "");
        if (!profiling.isBlank()) {
            command.addAll(List.of(profiling.split(" ")));
        }
        command.addAll(List.of("-cp", System.getProperty("bench.gatewayClasspath") + File.pathSeparator + System.getProperty("bench.runnerClasses"),
                "bench.MeasuredGateway",
                "--template", project.template().toString(),
                "--function-classpath", project.functionClasspath()));
        command.addAll(options);
        process = new ServerProcess(command);
        try {
            uri = URI.create(process.await(line -> line.startsWith("Local WebSocket API: ")).substring("Local WebSocket API: ".length()));
            apiKey = process.await(line -> line.startsWith("API key: ")).substring("API key: ".length());
            token = process.await(line -> line.startsWith("Token: ")).substring("Token: ".length());
        } catch (RuntimeException | InterruptedException e) {
            process.close();
            throw e;
        }
    }

    URI uri() {
        return uri;
    }

    String apiKey() {
        return apiKey;
    }

    /** The development token; {@code null} when the API has no authorizer. */
    String token() {
        return token.equals("none") ? null : token;
    }

    /** The handshake's headers: the API key and the development token, as a client of the deployed API sends them. */
    Map<String, String> headers() {
        return token.equals("none") ? Map.of("x-api-key", apiKey) : Map.of("x-api-key", apiKey, "Authorization", "Bearer " + token);
    }

    String callbackUrl() {
        return uri.toString().replace("ws://", "http://") + "/prod";
    }

    ServerProcess output() {
        return process;
    }

    CpuUsage cpuUsage() throws InterruptedException {
        int skipped = process.lineCount();
        process.send("usage");
        String[] usage = process.awaitAfter(skipped, line -> line.startsWith("usage ")).split(" ");
        return new CpuUsage(Long.parseLong(usage[1]), Long.parseLong(usage[2]), Long.parseLong(usage[3]), Long.parseLong(usage[4]),
                Long.parseLong(usage[5]));
    }

    void startProfile() {
        process.send("profile start");
    }

    /** The processor samples taken since {@link #startProfile()}, by step. */
    Map<EchoStep, Long> stopProfile() throws InterruptedException {
        int skipped = process.lineCount();
        process.send("profile stop");
        Map<EchoStep, Long> samples = new EnumMap<>(EchoStep.class);
        String line = process.awaitAfter(skipped, answer -> answer.startsWith("profile"));
        for (String step : line.substring("profile".length()).strip().split(" ")) {
            if (!step.isEmpty()) {
                samples.put(EchoStep.valueOf(step.substring(0, step.indexOf('='))), Long.parseLong(step.substring(step.indexOf('=') + 1)));
            }
        }
        return samples;
    }

    @Override
    public void close() {
        process.close();
    }
}
