// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** A Management API as slow as API Gateway's, without a thread held per request. */
class ManagementApiLatencyTest {

    private static final Duration LATENCY = Duration.ofMillis(400);

    @Test
    void answersEachRequestAfterTheLatencyAndManyAtOnce() throws Exception {
        LocalGatewayConfig config = LocalGatewayConfig.forTemplate(Path.of("src/test/resources/templates/echo.yaml")).port(0)
                .managementApiLatency(LATENCY);
        try (LocalGateway gateway = LocalGateway.start(config); WebSocketTestClient client = gateway.connect()) {
            ApiGatewayManagementApiClient managementApi = ManagementApiTest.client(gateway.callbackUri());
            String connectionId = ManagementApiTest.connectionIdOf(client);

            long start = System.nanoTime();
            managementApi.postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String("\"slow\"")));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(LATENCY) >= 0, "answered before the latency");
            assertEquals("\"slow\"", client.receive());

            int posts = 40;
            ExecutorService posters = Executors.newFixedThreadPool(posts);
            start = System.nanoTime();
            List<CompletableFuture<Void>> parallel = IntStream.range(0, posts).mapToObj(i -> CompletableFuture.runAsync(() ->
                    managementApi.postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String("\"" + i + "\""))),
                    posters)).toList();
            CompletableFuture.allOf(parallel.toArray(CompletableFuture[]::new)).join();
            posters.shutdown();
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(LATENCY.multipliedBy(posts / 4)) < 0,
                    "requests waited for each other");
            for (int i = 0; i < posts; i++) {
                client.receive();
            }
        }
    }

    @Test
    void refusesANegativeLatency() {
        assertThrows(IllegalArgumentException.class, () -> LocalGatewayConfig.forTemplate(Path.of("template.yaml"))
                .managementApiLatency(Duration.ofMillis(-1)));
    }
}
