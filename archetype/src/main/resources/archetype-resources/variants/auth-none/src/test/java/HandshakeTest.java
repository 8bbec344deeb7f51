package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.junit.WebSocketApiTest;
import org.junit.jupiter.api.Test;

/** Who may connect: a client with the API key; there is no authorizer. */
@WebSocketApiTest
class HandshakeTest {

    @Test
    void refusesAHandshakeWithoutTheApiKey(LocalGateway gateway) {
        assertEquals(403, gateway.handshake().apiKey(null).refusal());
        assertEquals(403, gateway.handshake().apiKey("not-the-key").refusal());
    }
}
