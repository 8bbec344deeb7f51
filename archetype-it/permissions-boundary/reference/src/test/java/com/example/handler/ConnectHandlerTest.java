package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.example.connection.Connection;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectHandlerTest extends HandlerTest {

    @Test
    void registersTheConnectionWithItsTimeAndSourceAddress() {
        String connectionId = newConnectionId();
        Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var response = handler().handleRequest(connect(connectionId, connectedAt), context);

        assertEquals(200, response.getStatusCode());
        assertEquals(new Connection(connectionId, connectedAt, SOURCE_IP, null), stored(connectionId));
    }

    @Test
    void registersThePrincipalAnAuthorizerPassedOn() {
        String connectionId = newConnectionId();
        APIGatewayV2WebSocketEvent event = connect(connectionId, Instant.now());
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42"));

        handler().handleRequest(event, context);

        assertEquals("user-42", stored(connectionId).principal());
    }

    private Connection stored(String connectionId) {
        return connections.firstConnections(Integer.MAX_VALUE).stream()
                .filter(connection -> connection.connectionId().equals(connectionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(connectionId + " was not stored"));
    }

    @Test
    void logsAndCountsTheConnection() {
        String connectionId = newConnectionId();

        var response = handler().handleRequest(connect(connectionId, Instant.now()), context);

        assertEquals(200, response.getStatusCode());
        Map<String, Object> line = output.logs().get(0);
        assertEquals("Connected", line.get("message"));
        assertEquals("INFO", line.get("level"));
        assertEquals(connectionId, line.get("connectionId"));
        assertEquals(context.getAwsRequestId(), line.get("requestId"));
        assertEquals(Map.of("ConnectionsOpened", 1.0), output.metrics());
    }

    @Test
    void acceptsTheBearerSubprotocolABrowserOfferedItsTokenWith() {
        APIGatewayV2WebSocketEvent event = connect(newConnectionId(), Instant.now());
        event.setHeaders(Map.of("Sec-WebSocket-Protocol", "bearer, eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));

        var response = handler().handleRequest(event, context);

        assertEquals(Map.of("Sec-WebSocket-Protocol", "bearer"), response.getHeaders(),
                "API Gateway completes the handshake only when the function accepts an offered subprotocol");
    }

    @Test
    void acceptsNoSubprotocolWhenNoneWasOffered() {
        var response = handler().handleRequest(connect(newConnectionId(), Instant.now()), context);

        assertNull(response.getHeaders());
    }

    private ConnectHandler handler() {
        return new ConnectHandler(connections, metrics);
    }
}
