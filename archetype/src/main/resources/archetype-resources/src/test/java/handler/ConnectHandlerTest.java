package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
#if( $auth == 'jwt' )
import static org.junit.jupiter.api.Assertions.assertNull;
#end

#if( $storeType == 'dynamodb' )
import ${package}.connection.Connection;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
#else
#if( $auth == 'jwt' )
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
#end
import java.time.Instant;
import java.util.List;
#if( $auth == 'jwt' )
import java.util.Map;
#end
#end
import org.junit.jupiter.api.Test;

class ConnectHandlerTest extends HandlerTest {
#if( $storeType == 'dynamodb' )

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
#else

    @Test
    void acceptsTheConnectionAndLogsIt() {
        String connectionId = newConnectionId();

        var response = new ConnectHandler().handleRequest(connect(connectionId, Instant.now()), context);

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of("Connected " + connectionId), context.logLines());
    }
#end
#if( $auth == 'jwt' )

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
#if( $storeType == 'dynamodb' )
        return new ConnectHandler(connections);
#else
        return new ConnectHandler();
#end
    }
#end
}
