package org.acme.realtime.chat.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.acme.realtime.chat.aws.SnapStartPriming;
import org.acme.realtime.chat.connection.ConnectionStore;
import org.acme.realtime.chat.messaging.ConnectionMessenger;
import org.acme.realtime.chat.support.StubEndpoint;
import org.acme.realtime.chat.support.ThrottlingDynamoDb;
import dev.websocketkit.local.testing.RecordingManagementApi;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

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
        new BroadcastHandler(connections, messenger).prime();
        new SendHandler(messenger).prime();
        new DefaultHandler(messenger).prime();

        assertEquals(0, managementApi.posts().size(), "posts to the Management API");
        assertEquals(List.of(), dynamoDb.requests(), "requests to DynamoDB");
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
