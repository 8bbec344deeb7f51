package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisconnectHandlerTest extends HandlerTest {

    @Test
    void acceptsAConnectionItDoesNotKnow() {
        DisconnectHandler handler = new DisconnectHandler();
        String connectionId = newConnectionId();

        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
    }
}
