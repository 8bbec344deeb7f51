package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisconnectHandlerTest extends HandlerTest {

    @Test
    void logsAndCountsTheDisconnection() {
        String connectionId = newConnectionId();

        disconnectHandler().handleRequest(disconnect(connectionId), context);

        Map<String, Object> line = output.logs().get(0);
        assertEquals("Disconnected", line.get("message"));
        assertEquals(connectionId, line.get("connectionId"));
        assertEquals(context.getAwsRequestId(), line.get("requestId"));
        assertEquals(Map.of("ConnectionsClosed", 1.0), output.metrics());
    }

    @Test
    void acceptsAConnectionItDoesNotKnow() {
        DisconnectHandler handler = disconnectHandler();
        String connectionId = newConnectionId();

        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(List.of("Disconnected", "Disconnected"), output.messages());
    }
}
