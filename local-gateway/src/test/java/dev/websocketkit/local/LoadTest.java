// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Many clients at once: every message comes back. Handlers call the gateway's own Management API,
 * so a gateway that ran them on its server threads would stall here. Speed is measured by
 * bench/run, not here.
 */
@WebSocketApiTest(template = "src/test/resources/templates/echo.yaml")
class LoadTest {

    private static final int CLIENTS = 300;
    private static final int MESSAGES = 20;

    @Test
    @Timeout(120)
    void deliversEveryEchoToThreeHundredClientsSendingAtOnce(LocalGateway gateway) throws Exception {
        List<WebSocketTestClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(gateway.connect());
        }
        ExecutorService senders = Executors.newFixedThreadPool(32);
        try {
            List<Future<Integer>> received = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                WebSocketTestClient client = clients.get(i);
                String id = "client-" + i;
                received.add(senders.submit((Callable<Integer>) () -> {
                    for (int message = 0; message < MESSAGES; message++) {
                        client.send(EchoApiTest.message(id + "-" + message));
                        assertEquals("\"" + id + "-" + message + "\"", client.receive());
                    }
                    return MESSAGES;
                }));
            }
            int total = 0;
            for (Future<Integer> count : received) {
                total += count.get();
            }
            assertEquals(CLIENTS * MESSAGES, total);
        } finally {
            senders.shutdownNow();
            clients.forEach(WebSocketTestClient::close);
        }
    }
}
