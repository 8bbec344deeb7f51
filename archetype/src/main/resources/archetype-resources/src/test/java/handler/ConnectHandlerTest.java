package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
#if( $storeType == 'dynamodb' )
import static org.junit.jupiter.api.Assertions.assertFalse;
#end
#if( $auth == 'jwt' )
import static org.junit.jupiter.api.Assertions.assertNull;
#end

#if( $storeType == 'dynamodb' )
import ${package}.support.TestConnectionStores;
#end
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
#if( $storeType == 'dynamodb' )
import java.time.temporal.ChronoUnit;
#end
import java.util.Map;
import org.junit.jupiter.api.Test;
#if( $storeType == 'dynamodb' )
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
#end

class ConnectHandlerTest extends HandlerTest {
#if( $storeType == 'dynamodb' )

    @Test
    void registersTheConnectionWithItsTimeAndSourceAddress() {
        String connectionId = newConnectionId();
        Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var response = handler().handleRequest(connect(connectionId, connectedAt), context);

        assertEquals(200, response.getStatusCode());
        Map<String, AttributeValue> item = stored(connectionId);
        assertEquals(connectedAt.toString(), item.get("connectedAt").s());
        assertEquals(SOURCE_IP, item.get("sourceIp").s());
        assertFalse(item.containsKey("principal"), "no authorizer, no principal");
    }

    @Test
    void registersThePrincipalAnAuthorizerPassedOn() {
        String connectionId = newConnectionId();
        APIGatewayV2WebSocketEvent event = connect(connectionId, Instant.now());
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42"));

        handler().handleRequest(event, context);

        assertEquals("user-42", stored(connectionId).get("principal").s());
    }

    private Map<String, AttributeValue> stored(String connectionId) {
        Map<String, AttributeValue> item = TestConnectionStores.item(table, connectionId);
        assertFalse(item.isEmpty(), connectionId + " was not stored");
        return item;
    }
#end

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
        assertEquals(1, metricDocuments(), "one metrics document per invocation");
    }
#if( $auth == 'jwt' )

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
#end

    private ConnectHandler handler() {
#if( $storeType == 'dynamodb' )
        return new ConnectHandler(connections, metrics);
#else
        return new ConnectHandler(metrics);
#end
    }
}
