package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A browser cannot send headers on a handshake, so it may offer its token as a subprotocol. */
class BrowserHandshakeTest extends HandlerTest {

    @Test
    void acceptsTheBearerSubprotocolABrowserOfferedItsTokenWith() {
        APIGatewayV2WebSocketEvent event = connect(newConnectionId(), Instant.now());
        event.setHeaders(Map.of("Sec-WebSocket-Protocol", "bearer, eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));

        var response = connectHandler().handleRequest(event, context);

        assertEquals(Map.of("Sec-WebSocket-Protocol", "bearer"), response.getHeaders(),
                "API Gateway completes the handshake only when the function accepts an offered subprotocol");
    }
}
