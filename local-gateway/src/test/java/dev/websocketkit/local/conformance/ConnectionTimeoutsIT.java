// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.conformance.Connection.Closed;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows: a connection on which nothing goes either way for the idle timeout is closed with 1001
 * {@code Going away}; a connection that reaches the maximum duration is closed the same way, however
 * busy it is. Both limits are shortened here (1.5 s and 2.5 s) from API Gateway's 10 minutes and
 * 2 hours.
 *
 * <p>Sources: the limits are documented,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html.
 * The close code and reason are reported for the idle timeout: a captured {@code $disconnect} event
 * with {@code "disconnectStatusCode": 1001, "disconnectReason": "Going away"} about ten minutes after
 * {@code connectedAt}, and a wscat log {@code Disconnected (code: 1001, reason: "Going away")} (public
 * GitHub files the research could name only by search index id); serverless-offline closes both
 * ways with the same, https://github.com/dherault/serverless-offline (src/events/websocket/WebSocketClients.js).
 * For the maximum duration they are inferred by analogy.
 */
@ExtendWith(Clients.class)
class ConnectionTimeoutsIT {

    private static final Duration IDLE_TIMEOUT = Duration.ofMillis(1500);
    private static final Duration MAX_DURATION = Duration.ofMillis(2500);

    private static LocalGateway idle;
    private static LocalGateway shortLived;

    @BeforeAll
    static void startGatewaysWithShortLimits() {
        idle = Api.start(Api.CONFORMANCE, config -> config.idleTimeout(IDLE_TIMEOUT));
        shortLived = Api.start(Api.CONFORMANCE, config -> config.maxConnectionDuration(MAX_DURATION));
    }

    @AfterAll
    static void stop() {
        for (LocalGateway gateway : new LocalGateway[] {idle, shortLived}) {
            if (gateway != null) {
                gateway.close();
            }
        }
    }

    @Row
    void aConnectionIdleForTheIdleTimeoutIsClosedWith1001GoingAway(ClientKind client) {
        try (Connection connection = client.connect(Api.connect(idle))) {
            connection.awaitOpen();
            long opened = System.nanoTime();

            Closed closed = connection.awaitClose();

            assertEquals(new Closed(1001, "Going away"), closed);
            assertTrue(Duration.ofNanos(System.nanoTime() - opened).compareTo(IDLE_TIMEOUT.minusMillis(500)) >= 0,
                    "closed after about the idle timeout, not at once");
        }
    }

    @Row
    void aConnectionAtTheMaximumDurationIsClosedWith1001GoingAwayEvenWhenBusy(ClientKind client) throws InterruptedException {
        try (Connection connection = client.connect(Api.connect(shortLived))) {
            connection.awaitOpen();
            long opened = System.nanoTime();
            // Busy for the first half of its life; the idle timeout is API Gateway's 10 minutes.
            for (int i = 0; System.nanoTime() - opened < MAX_DURATION.toNanos() / 2; i++) {
                String message = Api.send("busy " + i);
                connection.send(message);
                assertEquals(Api.echoOf(message), connection.receive());
                Thread.sleep(250);
            }

            Closed closed = connection.awaitClose();

            assertEquals(new Closed(1001, "Going away"), closed);
            assertTrue(Duration.ofNanos(System.nanoTime() - opened).compareTo(MAX_DURATION.minusMillis(500)) >= 0,
                    "closed at about the maximum duration");
        }
    }
}
