package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.aws.SnapStartPriming;
import com.example.broadcast.FanOut;
import com.example.connection.ConnectionStore;
import com.example.messaging.ConnectionMessenger;
import com.example.observability.Metrics;
import com.example.support.StubEndpoint;
import com.example.support.ThrottlingDynamoDb;
import dev.websocketkit.local.testing.RecordingManagementApi;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private static final Metrics METRICS = new Metrics("test-api");

    private RecordingManagementApi managementApi;
    private ConnectionMessenger messenger;
    private StubEndpoint dynamoDb;
    private ConnectionStore connections;

    @BeforeEach
    void startEndpointsThatKeepRequests() {
        managementApi = new RecordingManagementApi(HandlerTest.STAGE);
        messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
        dynamoDb = ThrottlingDynamoDb.start();
        connections = ThrottlingDynamoDb.store(dynamoDb);
    }

    @AfterEach
    void stop() {
        managementApi.close();
        dynamoDb.close();
    }

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
        connections.prime();
        // The DynamoDB stub stands in for SQS as well: a request from either would show in its log.
        FanOut fanOut = new FanOut(SqsClient.builder().region(Region.US_EAST_1).endpointOverride(URI.create(dynamoDb.url()))
                .credentialsProvider(AnonymousCredentialsProvider.create()).build(), "https://sqs.invalid/queue", "https://sqs.invalid/dlq");
        new BroadcastHandler(connections, messenger, fanOut, 500, Duration.ZERO, Clock.systemUTC(), METRICS).prime();
        new BroadcastWorkerHandler(connections, messenger, fanOut, METRICS).prime();
        new SendHandler(messenger, METRICS).prime();
        new DefaultHandler(messenger, METRICS).prime();

        assertEquals(0, managementApi.postCount(), "posts to the Management API");
        assertEquals(List.of(), dynamoDb.requests(), "requests to DynamoDB");
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
