// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.File;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The local gateway in a JVM of its own ({@link MeasuredGateway}), and what its banner says. */
final class GatewayProcess implements AutoCloseable {

    /** The processor time the gateway's JVM has used so far, and the share of it spent in the functions' handlers. */
    record CpuUsage(long processNanos, long handlerNanos) {
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
        List<String> command = new ArrayList<>(List.of(System.getProperty("bench.java"), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.eclipse.jetty.LEVEL=WARN"));
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
        return new CpuUsage(Long.parseLong(usage[1]), Long.parseLong(usage[2]));
    }

    @Override
    public void close() {
        process.close();
    }
}
