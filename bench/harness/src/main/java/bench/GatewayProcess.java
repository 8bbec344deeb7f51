// SPDX-License-Identifier: Apache-2.0

package bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The local gateway in a JVM of its own, as websocket-local:run starts it, and what its banner says. */
final class GatewayProcess implements AutoCloseable {

    private final ServerProcess process;
    private final URI uri;
    private final String apiKey;
    private final String token;

    GatewayProcess(List<String> extraJvmArgs) throws Exception {
        this(extraJvmArgs, List.of());
    }

    /** @param options more options of {@code dev.websocketkit.local.Main}, e.g. {@code --parameter Name=Value} */
    GatewayProcess(List<String> extraJvmArgs, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getProperty("bench.java"), "--enable-native-access=ALL-UNNAMED",
                "-Dorg.eclipse.jetty.LEVEL=WARN"));
        command.addAll(extraJvmArgs);
        String profiling = System.getProperty("bench.gatewayJvmArgs", "");
        if (!profiling.isBlank()) {
            command.addAll(List.of(profiling.split(" ")));
        }
        command.addAll(List.of("-cp", System.getProperty("bench.gatewayClasspath"), "dev.websocketkit.local.Main",
                "--template", System.getProperty("bench.generatedProject") + "/template.yaml",
                "--port", "0",
                "--function-classpath", System.getProperty("bench.functionClasspath")));
        command.addAll(options);
        process = new ServerProcess(command);
        uri = URI.create(process.await(line -> line.startsWith("Local WebSocket API: ")).substring("Local WebSocket API: ".length()));
        apiKey = process.await(line -> line.startsWith("API key: ")).substring("API key: ".length());
        token = process.await(line -> line.startsWith("Token: ")).substring("Token: ".length());
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

    Map<String, String> headers() {
        return token.equals("none") ? Map.of("x-api-key", apiKey) : Map.of("x-api-key", apiKey, "Authorization", "Bearer " + token);
    }

    String callbackUrl() {
        return uri.toString().replace("ws://", "http://") + "/prod";
    }

    ServerProcess output() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
