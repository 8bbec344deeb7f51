// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.conformance.Connection.Failed;
import dev.websocketkit.local.conformance.Connection.Opened;
import dev.websocketkit.local.conformance.Connection.Outcome;
import dev.websocketkit.local.conformance.Connection.Refused;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Row: with a quota of 5 new connections a second, 20 handshakes at once: about 5 open (no more than
 * the quota allows for the time the burst took), the others are refused with 429
 * {@code {"message":"Too Many Requests"}} (a browser: the connection fails, 1006), none hangs; a
 * second later new connections open again. A browser makes its 20 handshakes one after the other
 * ({@link Capability#CONNECTS_IN_PARALLEL}), so a few more of its get through.
 *
 * <p>Sources: the quota (500 new connections a second per account and Region) is documented,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html,
 * and throttled clients "may receive 429 Too Many Requests",
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-protect.html; a 429 on a
 * WebSocket connect is reported, https://github.com/serverlessunicorn/ServerlessNetworkingClients/issues/3.
 * The body is inferred from API Gateway's REST answers: no capture of it was found.
 */
@ExtendWith(Clients.class)
class NewConnectionQuotaIT {

    private static final int PER_SECOND = 5;
    private static final int BURST = 20;

    private static LocalGateway gateway;

    @BeforeAll
    static void startAGatewayWithASmallQuota() {
        gateway = Api.start(Api.CONFORMANCE, config -> config.newConnectionsPerSecond(PER_SECOND));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Row
    void handshakesOverTheQuotaAreRefusedWith429AndNewOnesOpenASecondLater(ClientKind client) throws InterruptedException {
        // A full second's quota, whatever the rows before took.
        Thread.sleep(1200);
        long start = System.nanoTime();
        List<Connection> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            burst.add(client.connect(Api.connect(gateway)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Connection connection : burst) {
            outcomes.add(connection.awaitOutcome());
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        long opened = outcomes.stream().filter(Opened.class::isInstance).count();
        System.out.printf("%s: %d of %d handshakes opened in %.2f s%n", client, opened, BURST, seconds);
        assertTrue(opened >= PER_SECOND, "a full second's quota opens: " + outcomes);
        double allowed = PER_SECOND + Math.ceil(PER_SECOND * seconds);
        assertTrue(opened <= allowed, "no more open than the quota allows in the " + seconds + " s the burst took: " + outcomes);
        if (client.can(Capability.CONNECTS_IN_PARALLEL) || allowed < BURST) {
            // A browser's handshakes run one after the other: only a burst that ends within 3 s must meet the quota's end.
            assertTrue(opened < BURST, "some are refused: " + outcomes);
        }
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Opened) {
                continue;
            }
            if (client.can(Capability.SEES_REFUSALS)) {
                assertEquals(new Refused(429, "application/json", "close", "{\"message\":\"Too Many Requests\"}"), outcome);
            } else {
                assertTrue(outcome instanceof Failed failed && failed.code() == 1006, "the connection fails: " + outcome);
            }
        }
        burst.forEach(Connection::close);

        Thread.sleep(1100);
        try (Connection later = client.connect(Api.connect(gateway))) {
            later.awaitOpen();
        }
    }
}
