// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Hundreds of clients opening their connection at once, each through the authorizer (which
 * downloads the development identity provider's keys in every new environment) and {@code $connect}
 * (which stores the connection in DynamoDB Local): each one connects, or, past the new-connection
 * quota, is refused with 429. None fails with a 500 for want of the identity provider, none times out.
 */
class HandshakeBurstTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/templates/echo.yaml");
    private static final int CLIENTS = 400;

    @Test
    void connectsEveryClientOfABurstWithinTheQuotaAndEchoesToEach() throws Exception {
        try (LocalGateway gateway = start(LocalGatewayConfig.forTemplate(TEMPLATE))) {
            List<Object> outcomes = connectAtOnce(gateway, CLIENTS);
            try {
                assertEquals(Map.of("open", CLIENTS), count(outcomes), "400 handshakes at once, under the quota of 500 a second");
                inParallel(clients(outcomes), client -> {
                    client.send(EchoApiTest.HELLO);
                    assertEquals("\"Hello World!\"", client.receive());
                });
            } finally {
                clients(outcomes).forEach(WebSocketTestClient::close);
            }
        }
    }

    @Test
    void refusesWhatABurstHasPastTheQuotaWith429AndConnectsTheRest() throws Exception {
        try (LocalGateway gateway = start(LocalGatewayConfig.forTemplate(TEMPLATE).newConnectionsPerSecond(100))) {
            List<Object> outcomes = connectAtOnce(gateway, 300);
            try {
                Map<String, Integer> counts = count(outcomes);
                assertEquals(300, counts.getOrDefault("open", 0) + counts.getOrDefault("429", 0), "only opened or 429: " + counts);
                assertTrue(counts.getOrDefault("open", 0) >= 100, "the quota's worth connects: " + counts);
                assertTrue(counts.getOrDefault("429", 0) > 0, "the rest is refused: " + counts);
            } finally {
                clients(outcomes).forEach(WebSocketTestClient::close);
            }
        }
    }

    private interface ClientAction {
        void on(WebSocketTestClient client) throws Exception;
    }

    /** Each handshake's outcome: the connected client, or the status that refused it. */
    private static List<Object> connectAtOnce(LocalGateway gateway, int clients) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Object>> outcomes = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                outcomes.add(threads.submit(() -> {
                    try {
                        return gateway.connect();
                    } catch (CompletionException e) {
                        if (e.getCause() instanceof WebSocketHandshakeException refused) {
                            return refused.getResponse().statusCode();
                        }
                        throw e;
                    }
                }));
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void inParallel(List<WebSocketTestClient> clients, ClientAction action) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try {
            List<Future<Object>> done = new ArrayList<>();
            clients.forEach(client -> done.add(threads.submit(() -> {
                action.on(client);
                return null;
            })));
            for (Future<Object> each : done) {
                each.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static Map<String, Integer> count(List<Object> outcomes) {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.forEach(outcome -> counts.merge(outcome instanceof WebSocketTestClient ? "open" : String.valueOf(outcome), 1, Integer::sum));
        return counts;
    }

    private static List<WebSocketTestClient> clients(List<Object> outcomes) {
        return outcomes.stream().filter(WebSocketTestClient.class::isInstance).map(WebSocketTestClient.class::cast).toList();
    }

    private static LocalGateway start(LocalGatewayConfig config) throws Exception {
        return LocalGateway.start(config.port(0).out(new PrintStream(new ByteArrayOutputStream())));
    }
}
