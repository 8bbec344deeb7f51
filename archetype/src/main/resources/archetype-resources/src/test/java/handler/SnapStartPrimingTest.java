package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.aws.SnapStartPriming;
#if( $storeType == 'dynamodb' )
import ${package}.broadcast.FanOut;
import ${package}.connection.ConnectionStore;
#end
import ${package}.messaging.ConnectionMessenger;
import ${package}.observability.Metrics;
#if( $storeType == 'dynamodb' )
import ${package}.support.StubEndpoint;
import ${package}.support.ThrottlingDynamoDb;
#end
import dev.websocketkit.local.testing.RecordingManagementApi;
#if( $storeType == 'dynamodb' )
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
#end
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
#if( $storeType == 'dynamodb' )
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
#end

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private static final Metrics METRICS = new Metrics("test-api");

    private RecordingManagementApi managementApi;
    private ConnectionMessenger messenger;
#if( $storeType == 'dynamodb' )
    private StubEndpoint dynamoDb;
    private ConnectionStore connections;
#end

    @BeforeEach
    void startEndpointsThatKeepRequests() {
        managementApi = new RecordingManagementApi(HandlerTest.STAGE);
        messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
#if( $storeType == 'dynamodb' )
        dynamoDb = ThrottlingDynamoDb.start();
        connections = ThrottlingDynamoDb.store(dynamoDb);
#end
    }

    @AfterEach
    void stop() {
        managementApi.close();
#if( $storeType == 'dynamodb' )
        dynamoDb.close();
#end
    }

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
#if( $storeType == 'dynamodb' )
        connections.prime();
        // The DynamoDB stub stands in for SQS as well: a request from either would show in its log.
        FanOut fanOut = new FanOut(SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(dynamoDb.url()))
                .credentialsProvider(AnonymousCredentialsProvider.create()).build(), "https://sqs.invalid/queue", "https://sqs.invalid/dlq");
        new BroadcastHandler(connections, messenger, fanOut, 500, Duration.ZERO, Clock.systemUTC(), METRICS).prime();
        new BroadcastWorkerHandler(connections, messenger, fanOut, METRICS).prime();
#end
        new SendHandler(messenger, METRICS).prime();
        new DefaultHandler(messenger, METRICS).prime();

        assertEquals(0, managementApi.postCount(), "posts to the Management API");
#if( $storeType == 'dynamodb' )
        assertEquals(List.of(), dynamoDb.requests(), "requests to DynamoDB");
#end
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
