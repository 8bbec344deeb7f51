package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.support.ManagementApiServer;
import ${package}.support.StubEndpoint;
import ${package}.support.TestContext;
import ${package}.support.TestEnvironment;
import ${package}.support.TestEvents;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A DynamoDB that throttles every request: the SDK retries with backoff, then the handler fails,
 * which API Gateway answers with 500 and Lambda logs with the stack trace.
 */
class StoreFailureTest {

    private StubEndpoint throttlingDynamoDb;
    private ManagementApiServer managementApi;
    private Map<String, String> environment;

    @BeforeEach
    void startThrottlingDynamoDb() {
        throttlingDynamoDb = new StubEndpoint(400, "application/x-amz-json-1.0",
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ThrottlingException\",\"message\":\"Rate exceeded\"}");
        managementApi = new ManagementApiServer(TestEvents.STAGE);
        environment = new HashMap<>(TestEnvironment.forFunctions(managementApi));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", throttlingDynamoDb.url());
    }

    @AfterEach
    void stop() {
        throttlingDynamoDb.close();
        managementApi.close();
    }

    @Test
    void connectRetriesWithBackoffThenFailsTouchingOnlyItsOwnConnection() {
        String connectionId = TestEvents.newConnectionId();
        ConnectHandler handler = new ConnectHandler(environment);

        assertThrows(SdkException.class,
                () -> handler.handleRequest(TestEvents.connect(connectionId, Instant.now()), new TestContext()));

        List<String> requests = throttlingDynamoDb.requests();
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

        assertEquals(3, throttlingDynamoDb.requests().size(), "the SDK retried the scan");
        assertEquals(List.of(), managementApi.posts(), "no client got a partial broadcast");
    }
}
