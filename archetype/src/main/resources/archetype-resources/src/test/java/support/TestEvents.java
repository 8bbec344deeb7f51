package ${package}.support;

import ${package}.local.WebSocketEvents;
import ${package}.local.WebSocketEvents.Api;
import ${package}.local.WebSocketEvents.Client;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.util.Map;

/** Events as API Gateway would send them for a client of a deployed API. */
public final class TestEvents {

    public static final String STAGE = "prod";
    public static final String SOURCE_IP = "203.0.113.7";

    private static final WebSocketEvents EVENTS =
            new WebSocketEvents(new Api("abc123xyz0", "abc123xyz0.execute-api.us-east-1.amazonaws.com", STAGE));

    private TestEvents() {
    }

    public static String newConnectionId() {
        return WebSocketEvents.newId();
    }

    public static APIGatewayV2WebSocketEvent connect(String connectionId, Instant connectedAt) {
        Map<String, String> headers = Map.of(
                "Host", "abc123xyz0.execute-api.us-east-1.amazonaws.com",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version", "13",
                "x-api-key", "test-api-key");
        return EVENTS.connect(client(connectionId, connectedAt), headers, Map.of(), null);
    }

    public static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
        return EVENTS.disconnect(client(connectionId, Instant.now()), null);
    }

    /** A message on the route API Gateway selected for it; {@code body} is sent as the client wrote it. */
    public static APIGatewayV2WebSocketEvent message(String routeKey, String connectionId, String body) {
        return EVENTS.message(routeKey, client(connectionId, Instant.now()), body, null);
    }

    private static Client client(String connectionId, Instant connectedAt) {
        return new Client(connectionId, connectedAt, SOURCE_IP, "test-client");
    }
}
