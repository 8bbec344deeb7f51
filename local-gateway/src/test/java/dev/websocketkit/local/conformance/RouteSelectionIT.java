// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows: the route a message names takes it; a message no route takes (unknown route, or text that
 * is not JSON) goes to {@code $default}; a route whose integration fails answers API Gateway's
 * {@code {"message": "Internal server error", "connectionId":"…", "requestId":"…"}} and the
 * connection stays open; without {@code $default}, a message no route takes is answered
 * {@code {"message": "Forbidden", "connectionId":"…", "requestId":"…"}}, spaced exactly so.
 *
 * <p>Sources: route selection and {@code $default} are documented,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-routes.html
 * (which says only that "the service returns an error" when no route matches). The two error frames
 * are reported: the Forbidden one in https://github.com/aws-samples/simple-websockets-chat-app/issues/24,
 * the Internal server error one in https://github.com/aws-samples/simple-websockets-chat-app/issues/46
 * (and serverless-offline's end-to-end suite, written against AWS).
 */
@WebSocketApiTest(template = "src/test/resources/templates/conformance.yaml")
@ExtendWith(Clients.class)
class RouteSelectionIT {

    private static final Pattern INTERNAL_SERVER_ERROR =
            Pattern.compile("\\{\"message\": \"Internal server error\", \"connectionId\":\"([^\"]+)\", \"requestId\":\"([^\"]+)\"}");
    private static final Pattern FORBIDDEN =
            Pattern.compile("\\{\"message\": \"Forbidden\", \"connectionId\":\"([^\"]+)\", \"requestId\":\"([^\"]+)\"}");

    private static LocalGateway withoutDefault;

    @BeforeAll
    static void startAnApiWithoutDefault(LocalGateway gateway) {
        Api.warmUp(gateway);
        withoutDefault = Api.start(Api.WITHOUT_DEFAULT, config -> config);
    }

    @AfterAll
    static void stop() {
        if (withoutDefault != null) {
            withoutDefault.close();
        }
    }

    @Row
    void theRouteAMessageNamesTakesIt(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();

            connection.send("{\"message\":\"send\",\"body\":\"x\"}");

            assertEquals("\"x\"", connection.receive());
        }
    }

    @Row
    void anUnknownRouteAndTextThatIsNotJsonGoToDefault(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();

            connection.send("{\"message\": \"shout\", \"body\": \"x\"}");
            assertEquals("\"default route\"", connection.receive(), "an unknown route");
            connection.send("Hello World!");
            assertEquals("\"default route\"", connection.receive(), "text that is not JSON");
        }
    }

    @Row
    void aFailingIntegrationIsAnsweredWithInternalServerErrorAndTheConnectionStaysOpen(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String connectionId = Api.connectionIdOf(connection);

            connection.send("{\"message\": \"fail\"}");
            String error = connection.receive();
            Matcher frame = INTERNAL_SERVER_ERROR.matcher(error);
            assertTrue(frame.matches(), "API Gateway's frame, spaced as it spaces it: " + error);
            assertEquals(connectionId, frame.group(1));

            connection.send(Api.send("still open"));
            assertEquals("\"still open\"", connection.receive());
        }
    }

    @Row
    void withoutDefaultAMessageNoRouteTakesIsAnsweredForbiddenAndTheConnectionStaysOpen(ClientKind client) {
        try (Connection connection = client.connect(Api.connect(withoutDefault))) {
            connection.awaitOpen();

            connection.send("{\"message\": \"shout\"}");
            String error = connection.receive();
            assertTrue(FORBIDDEN.matcher(error).matches(), "API Gateway's frame, spaced as it spaces it: " + error);
            connection.send("Hello World!");
            assertTrue(FORBIDDEN.matcher(connection.receive()).matches(), "text that is not JSON is answered the same");

            connection.send(Api.send("still open"));
            assertEquals("\"still open\"", connection.receive());
        }
    }
}
