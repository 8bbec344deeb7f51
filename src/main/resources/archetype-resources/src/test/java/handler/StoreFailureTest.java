package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.support.ManagementApiServer;
import ${package}.support.TestContext;
import ${package}.support.TestEnvironment;
import ${package}.support.TestEvents;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A DynamoDB that throttles every request: the SDK retries with backoff, then the handler fails,
 * which API Gateway answers with 500 and Lambda logs with the stack trace.
 */
class StoreFailureTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer throttlingDynamoDb;
    private ManagementApiServer managementApi;
    private Map<String, String> environment;

    @BeforeEach
    void startThrottlingDynamoDb() throws IOException {
        throttlingDynamoDb = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        throttlingDynamoDb.createContext("/", exchange -> {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        throttlingDynamoDb.start();
        managementApi = new ManagementApiServer(TestEvents.STAGE);
        environment = new HashMap<>(TestEnvironment.forFunctions(managementApi));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB",
                "http://localhost:" + throttlingDynamoDb.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        throttlingDynamoDb.stop(0);
        managementApi.close();
    }

    @Test
    void connectRetriesWithBackoffThenFailsTouchingOnlyItsOwnConnection() {
        String connectionId = TestEvents.newConnectionId();
        ConnectHandler handler = new ConnectHandler(environment);

        assertThrows(SdkException.class,
                () -> handler.handleRequest(TestEvents.connect(connectionId, Instant.now()), new TestContext()));

        assertEquals(3, requests.size(), "the SDK's standard retry mode tries three times");
        assertTrue(requests.stream().allMatch(request -> request.contains(connectionId)),
                "every attempt concerned the connecting client only");
    }

    @Test
    void broadcastFailsBeforeSendingAnything() {
        BroadcastHandler handler = new BroadcastHandler(environment);

        assertThrows(SdkException.class, () -> handler.handleRequest(
                TestEvents.message("broadcast", TestEvents.newConnectionId(), "{\"message\": \"broadcast\", \"body\": \"hi\"}"),
                new TestContext()));

        assertEquals(3, requests.size(), "the SDK retried the scan");
        assertEquals(List.of(), managementApi.posts(), "no client got a partial broadcast");
    }
}
