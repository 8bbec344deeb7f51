package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.aws.SnapStartPriming;
import com.example.messaging.ConnectionMessenger;
import com.example.observability.Metrics;
import dev.websocketkit.local.testing.RecordingManagementApi;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private static final Metrics METRICS = new Metrics("test-api");

    private RecordingManagementApi managementApi;
    private ConnectionMessenger messenger;

    @BeforeEach
    void startEndpointsThatKeepRequests() {
        managementApi = new RecordingManagementApi(HandlerTest.STAGE);
        messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
    }

    @AfterEach
    void stop() {
        managementApi.close();
    }

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
        new SendHandler(messenger, METRICS).prime();
        new DefaultHandler(messenger, METRICS).prime();

        assertEquals(0, managementApi.posts().size(), "posts to the Management API");
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
