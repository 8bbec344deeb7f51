// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.conformance.Connection.Failed;
import dev.websocketkit.local.conformance.Connection.Opened;
import dev.websocketkit.local.conformance.Connection.Outcome;
import dev.websocketkit.local.junit.WebSocketApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows: offered {@code chat.v9, echo.v1}, the subprotocol the {@code $connect} integration returns in
 * {@code Sec-WebSocket-Protocol} ({@code echo.v1}, the fixture's choice) is accepted; when
 * {@code $connect} returns none, the gateway answers none, and then a browser and ws fail the
 * connection (1006, never open) while the JDK opens it without a subprotocol, as RFC 6455 lets it.
 *
 * <p>Sources, documented: the {@code $connect} integration sends back {@code Sec-WebSocket-Protocol},
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-connect-route-subprotocol.html,
 * since https://aws.amazon.com/about-aws/whats-new/2020/06/amazon-api-gateway-allows-subprotocols-on-websocket-api-connection/.
 * Reported: before that, API Gateway returned none and browsers failed ("Sent non-empty
 * 'Sec-WebSocket-Protocol' header but no response was received"),
 * https://github.com/michalkvasnicak/aws-lambda-graphql/pull/84. That API Gateway never chooses one by
 * itself is inferred.
 */
@WebSocketApiTest(template = "src/test/resources/templates/conformance.yaml")
@ExtendWith(Clients.class)
class SubprotocolIT {

    @BeforeAll
    static void warmUp(LocalGateway gateway) {
        Api.warmUp(gateway);
    }

    @Row
    void theSubprotocolConnectReturnsIsAccepted(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).subprotocols("chat.v9", "echo.v1"))) {
            assertEquals("echo.v1", connection.awaitOpen().subprotocol());

            connection.send(Api.send("x"));
            assertEquals("\"x\"", connection.receive());
        }
    }

    @Row
    void whenConnectReturnsNoSubprotocolTheGatewayAnswersNone(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).subprotocols("chat.v9"))) {
            Outcome outcome = connection.awaitOutcome();

            if (client.can(Capability.FAILS_WITHOUT_AN_OFFERED_SUBPROTOCOL)) {
                assertTrue(outcome instanceof Failed failed && failed.code() == 1006, "the client fails the connection: " + outcome);
                if (client instanceof NodeWs) {
                    assertEquals(java.util.List.of("Server sent no subprotocol"), ((Failed) outcome).errors());
                }
            } else {
                assertEquals(new Opened("", ""), outcome);
                connection.send(Api.send("x"));
                assertEquals("\"x\"", connection.receive());
            }
        }
    }
}
