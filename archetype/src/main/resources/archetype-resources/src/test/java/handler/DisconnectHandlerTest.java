package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
#if( $storeType == 'dynamodb' )
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
#end

import org.junit.jupiter.api.Test;

class DisconnectHandlerTest extends HandlerTest {
#if( $storeType == 'dynamodb' )

    @Test
    void removesTheConnection() {
        String connectionId = connectClient();
        assertTrue(isStored(connectionId));

        var response = new DisconnectHandler(connections).handleRequest(disconnect(connectionId), context);

        assertEquals(200, response.getStatusCode());
        assertFalse(isStored(connectionId));
    }
#end

    @Test
    void acceptsAConnectionItDoesNotKnow() {
#if( $storeType == 'dynamodb' )
        DisconnectHandler handler = new DisconnectHandler(connections);
#else
        DisconnectHandler handler = new DisconnectHandler();
#end
        String connectionId = newConnectionId();

        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
    }
}
