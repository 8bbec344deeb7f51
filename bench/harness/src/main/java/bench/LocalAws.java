// SPDX-License-Identifier: Apache-2.0

package bench;

import com.sun.net.httpserver.HttpServer;
import dev.websocketkit.local.internal.dynamodb.DynamoDbLocal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** What the measured handlers talk to: a Management API endpoint that accepts every post, and DynamoDB Local. */
final class LocalAws implements AutoCloseable {

    private final HttpServer managementApi;
    private final String table;

    LocalAws() throws Exception {
        managementApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        managementApi.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        managementApi.start();
        table = DynamoDbLocal.createTable(Map.of(
                "AttributeDefinitions", List.of(Map.of("AttributeName", "connectionId", "AttributeType", "S")),
                "KeySchema", List.of(Map.of("AttributeName", "connectionId", "KeyType", "HASH"))));
    }

    /**
     * The variables Lambda would give the measured functions, pointing at this local AWS: the
     * function's own, and Lambda's, with the log format and level the template sets (JSON, INFO).
     */
    Map<String, String> environment() {
        return Map.ofEntries(
                Map.entry("AWS_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "AKIDBENCH"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "bench"),
                Map.entry("CALLBACK_URL", callbackUrl()),
                Map.entry("CONNECTIONS_TABLE", table),
                Map.entry("METRICS_NAMESPACE", "echo-app-bench"),
                Map.entry("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocal.endpoint().toString()),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", "bench"),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST"),
                Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024"),
                Map.entry("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/bench"),
                Map.entry("AWS_LAMBDA_LOG_STREAM_NAME", "2026/12/01/[$LATEST]bench"),
                Map.entry("AWS_LAMBDA_LOG_FORMAT", "JSON"),
                Map.entry("AWS_LAMBDA_LOG_LEVEL", "INFO"),
                Map.entry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"),
                Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java21"));
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + managementApi.getAddress().getPort() + "/prod";
    }

    @Override
    public void close() {
        managementApi.stop(0);
    }
}
