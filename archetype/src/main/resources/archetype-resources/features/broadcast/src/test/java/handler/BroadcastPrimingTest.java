package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.broadcast.FanOut;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbAudience;
import ${package}.messaging.ConnectionMessenger;
import ${package}.observability.Metrics;
import ${package}.support.ThrottlingDynamoDb;
import dev.websocketkit.local.testing.RecordingManagementApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The broadcast functions prime before SnapStart's snapshot without reaching the network. */
class BroadcastPrimingTest {

    private static final Metrics METRICS = new Metrics("test-api");

    @Test
    void broadcastHandlersPrimeWithoutTouchingTheNetwork() {
        try (RecordingManagementApi managementApi = new RecordingManagementApi(HandlerTest.STAGE);
                ThrottlingDynamoDb dynamoDb = new ThrottlingDynamoDb()) {
            ConnectionMessenger messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
            ConnectionStore connections = dynamoDb.store();
            DynamoDbAudience audience = new DynamoDbAudience(dynamoDb.client(), "connections", Clock.systemUTC());
            // The DynamoDB stub stands in for SQS as well: a request from either would show in its log.
            FanOut fanOut = new FanOut(SqsClient.builder().region(Region.US_EAST_1).endpointOverride(dynamoDb.url())
                    .credentialsProvider(AnonymousCredentialsProvider.create()).build(), "https://sqs.invalid/queue", "https://sqs.invalid/dlq");

            new BroadcastHandler(connections, audience, messenger, fanOut, 500, Duration.ZERO, Clock.systemUTC(), METRICS).prime();
            new BroadcastWorkerHandler(connections, messenger, fanOut, METRICS).prime();

            assertEquals(0, managementApi.postCount(), "posts to the Management API");
            assertEquals(List.of(), dynamoDb.requests(), "requests to DynamoDB and SQS");
        }
    }
}
