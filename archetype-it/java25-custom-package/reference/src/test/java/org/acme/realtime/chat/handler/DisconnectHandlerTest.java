package org.acme.realtime.chat.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisconnectHandlerTest extends HandlerTest {

    @Test
    void removesTheConnection() {
        String connectionId = connectClient();
        assertTrue(isStored(connectionId));

        var response = new DisconnectHandler(connections).handleRequest(disconnect(connectionId), context);

        assertEquals(200, response.getStatusCode());
        assertFalse(isStored(connectionId));
    }

    @Test
    void acceptsAConnectionItDoesNotKnow() {
        DisconnectHandler handler = new DisconnectHandler(connections);
        String connectionId = newConnectionId();

        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
    }
}
