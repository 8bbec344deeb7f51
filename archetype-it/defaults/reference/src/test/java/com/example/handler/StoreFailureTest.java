package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.support.ThrottlingDynamoDb;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A DynamoDB that throttles every request: the SDK retries with backoff, then the handler fails,
 * which API Gateway answers with 500 and Lambda logs with the stack trace.
 */
class StoreFailureTest extends HandlerTest {

    @Test
    void connectRetriesWithBackoffThenFailsTouchingOnlyItsOwnConnection() {
        String connectionId = newConnectionId();
        try (ThrottlingDynamoDb dynamoDb = new ThrottlingDynamoDb()) {
            ConnectHandler handler = new ConnectHandler(dynamoDb.store(), metrics);

            assertThrows(SdkException.class, () -> handler.handleRequest(connect(connectionId, Instant.now()), context));

            List<String> requests = dynamoDb.requests();
            assertEquals(3, requests.size(), "the SDK's standard retry mode tries three times");
            assertTrue(requests.stream().allMatch(request -> request.contains(connectionId)), "every attempt concerned the connecting client only");
        }
    }
}
