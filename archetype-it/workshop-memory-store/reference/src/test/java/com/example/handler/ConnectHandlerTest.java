package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectHandlerTest extends HandlerTest {

    @Test
    void acceptsTheConnectionAndLogsIt() {
        String connectionId = newConnectionId();

        var response = new ConnectHandler().handleRequest(connect(connectionId, Instant.now()), context);

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of("Connected " + connectionId), context.logLines());
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
        return new ConnectHandler();
    }
}
