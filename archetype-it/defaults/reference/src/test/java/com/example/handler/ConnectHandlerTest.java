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

        var response = new ConnectHandler(connections).handleRequest(connect(connectionId, connectedAt), context);

        assertEquals(200, response.getStatusCode());
        assertEquals(new Connection(connectionId, connectedAt, SOURCE_IP, null), stored(connectionId));
    }

    @Test
    void registersThePrincipalAnAuthorizerPassedOn() {
        String connectionId = newConnectionId();
        APIGatewayV2WebSocketEvent event = connect(connectionId, Instant.now());
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42"));

        new ConnectHandler(connections).handleRequest(event, context);

        assertEquals("user-42", stored(connectionId).principal());
    }

    private Connection stored(String connectionId) {
        return connections.findAll().stream()
                .filter(connection -> connection.connectionId().equals(connectionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(connectionId + " was not stored"));
    }

    @Test
    void acceptsTheBearerSubprotocolABrowserOfferedItsTokenWith() {
        APIGatewayV2WebSocketEvent event = connect(newConnectionId(), Instant.now());
        event.setHeaders(Map.of("Sec-WebSocket-Protocol", "bearer, eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));

        var response = newHandler().handleRequest(event, context);

        assertEquals(Map.of("Sec-WebSocket-Protocol", "bearer"), response.getHeaders(),
                "API Gateway completes the handshake only when the function accepts an offered subprotocol");
    }

    @Test
    void acceptsNoSubprotocolWhenNoneWasOffered() {
        var response = newHandler().handleRequest(connect(newConnectionId(), Instant.now()), context);

        assertNull(response.getHeaders());
    }

    private ConnectHandler newHandler() {
        return new ConnectHandler(connections);
    }
}
