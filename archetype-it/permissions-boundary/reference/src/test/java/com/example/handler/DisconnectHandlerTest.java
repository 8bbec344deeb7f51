package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisconnectHandlerTest extends HandlerTest {

    @Test
    void removesTheConnection() {
        String connectionId = connectClient();
        assertTrue(isStored(connectionId));

        var response = handler().handleRequest(disconnect(connectionId), context);

        assertEquals(200, response.getStatusCode());
        assertFalse(isStored(connectionId));
    }

    @Test
    void logsAndCountsTheDisconnection() {
        String connectionId = newConnectionId();

        handler().handleRequest(disconnect(connectionId), context);

        Map<String, Object> line = output.logs().get(0);
        assertEquals("Disconnected", line.get("message"));
        assertEquals(connectionId, line.get("connectionId"));
        assertEquals(context.getAwsRequestId(), line.get("requestId"));
        assertEquals(Map.of("ConnectionsClosed", 1.0), output.metrics());
    }

    @Test
    void acceptsAConnectionItDoesNotKnow() {
        DisconnectHandler handler = handler();
        String connectionId = newConnectionId();

        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(List.of("Disconnected", "Disconnected"), output.messages());
    }

    private DisconnectHandler handler() {
        return new DisconnectHandler(connections, metrics);
    }
}
