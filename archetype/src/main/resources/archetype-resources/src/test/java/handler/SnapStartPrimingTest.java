package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.aws.SnapStartPriming;
import ${package}.messaging.ConnectionMessenger;
import ${package}.observability.Metrics;
import ${package}.support.ThrottlingDynamoDb;
import dev.websocketkit.local.testing.RecordingManagementApi;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private static final Metrics METRICS = new Metrics("test-api");

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
        try (RecordingManagementApi managementApi = new RecordingManagementApi(HandlerTest.STAGE);
                ThrottlingDynamoDb dynamoDb = new ThrottlingDynamoDb()) {
            ConnectionMessenger messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
            dynamoDb.store().prime();
            new SendHandler(messenger, METRICS).prime();
            new DefaultHandler(messenger, METRICS).prime();

            assertEquals(0, managementApi.postCount(), "posts to the Management API");
            assertEquals(List.of(), dynamoDb.requests(), "requests to DynamoDB");
        }
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
