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

    /** The variables Lambda would give the measured functions, pointing at this local AWS. */
    Map<String, String> environment() {
        return Map.of(
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "AKIDBENCH",
                "AWS_SECRET_ACCESS_KEY", "bench",
                "CALLBACK_URL", callbackUrl(),
                "CONNECTIONS_TABLE", table,
                "METRICS_NAMESPACE", "echo-app-bench",
                "AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocal.endpoint().toString());
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + managementApi.getAddress().getPort() + "/prod";
    }

    @Override
    public void close() {
        managementApi.stop(0);
    }
}
