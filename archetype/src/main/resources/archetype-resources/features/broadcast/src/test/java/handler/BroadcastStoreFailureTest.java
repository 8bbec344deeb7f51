package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ${package}.connection.DynamoDbAudience;
import ${package}.support.TestQueues;
import ${package}.support.ThrottlingDynamoDb;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/** A DynamoDB that throttles every request: a broadcast fails before it posts to anyone. */
class BroadcastStoreFailureTest extends HandlerTest {

    @Test
    void broadcastFailsBeforeSendingAnything() {
        try (ThrottlingDynamoDb dynamoDb = new ThrottlingDynamoDb()) {
            DynamoDbAudience audience = new DynamoDbAudience(dynamoDb.client(), "connections", Clock.systemUTC());
            BroadcastHandler handler = new BroadcastHandler(dynamoDb.store(), audience, messenger, TestQueues.create().fanOut(), 500,
                    Duration.ZERO, Clock.systemUTC(), metrics);
            int postsBefore = managementApi.postCount();

            assertThrows(SdkException.class, () -> handler.handleRequest(
                    message(Routes.BROADCAST, newConnectionId(), "{\"message\": \"broadcast\", \"body\": \"hi\"}"), context));

            assertEquals(3, dynamoDb.requests().size(), "the SDK retried the read");
            assertEquals(postsBefore, managementApi.postCount(), "no client got a partial broadcast");
        }
    }
}
