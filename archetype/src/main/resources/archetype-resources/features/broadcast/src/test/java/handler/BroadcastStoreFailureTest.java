package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ${package}.connection.DynamoDbAudience;
import ${package}.support.StubEndpoint;
import ${package}.support.TestQueues;
import ${package}.support.ThrottlingDynamoDb;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** A DynamoDB that throttles every request: a broadcast fails before it posts to anyone. */
class BroadcastStoreFailureTest extends HandlerTest {

    private StubEndpoint throttlingDynamoDb;

    @BeforeEach
    void startThrottlingDynamoDb() {
        throttlingDynamoDb = ThrottlingDynamoDb.start();
    }

    @AfterEach
    void stop() {
        throttlingDynamoDb.close();
    }

    @Test
    void broadcastFailsBeforeSendingAnything() {
        DynamoDbAudience audience = new DynamoDbAudience(ThrottlingDynamoDb.client(throttlingDynamoDb), "connections", Clock.systemUTC());
        BroadcastHandler handler = new BroadcastHandler(ThrottlingDynamoDb.store(throttlingDynamoDb), audience, messenger,
                TestQueues.create().fanOut(), 500, Duration.ZERO, Clock.systemUTC(), metrics);
        int postsBefore = managementApi.postCount();

        assertThrows(SdkException.class, () -> handler.handleRequest(
                message(Routes.BROADCAST, newConnectionId(), "{\"message\": \"broadcast\", \"body\": \"hi\"}"), context));

        assertEquals(3, throttlingDynamoDb.requests().size(), "the SDK retried the read");
        assertEquals(postsBefore, managementApi.postCount(), "no client got a partial broadcast");
    }
}
