package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.connection.Connection;
import ${package}.support.TestEvents;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectHandlerTest extends HandlerTest {

    @Test
    void registersTheConnectionWithItsTimeAndSourceAddress() {
        String connectionId = TestEvents.newConnectionId();
        Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var response = new ConnectHandler(environment).handleRequest(TestEvents.connect(connectionId, connectedAt), context);

        assertEquals(200, response.getStatusCode());
        assertEquals(new Connection(connectionId, connectedAt, TestEvents.SOURCE_IP, null), stored(connectionId));
    }

    @Test
    void registersThePrincipalAnAuthorizerPassedOn() {
        String connectionId = TestEvents.newConnectionId();
        APIGatewayV2WebSocketEvent event = TestEvents.connect(connectionId, Instant.now());
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42"));

        new ConnectHandler(environment).handleRequest(event, context);

        assertEquals("user-42", stored(connectionId).principal());
    }

    private Connection stored(String connectionId) {
        return connections.findAll().stream()
                .filter(connection -> connection.connectionId().equals(connectionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(connectionId + " was not stored"));
    }
}
