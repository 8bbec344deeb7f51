package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.WebSocketTestClient;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Who may connect: a client with the API key and a valid token, or a browser with the token alone. */
@WebSocketApiTest
class HandshakeTest {

    private static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    @Test
    void refusesAHandshakeWithAWrongApiKey(LocalGateway gateway) {
        assertEquals(403, gateway.handshake().apiKey("not-the-key").refusal());
    }

    @Test
    void refusesAHandshakeWithoutAValidToken(LocalGateway gateway) {
        assertEquals(401, gateway.handshake().bearerToken(null).refusal());
        assertEquals(401, gateway.handshake().bearerToken(gateway.issueToken("late-developer", Duration.ofMinutes(-5))).refusal());
    }

    @Test
    void connectsWithOnlyATokenInTheQueryStringAsBrowsersCan(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.handshake().apiKey(null).bearerToken(null)
                .queryToken(gateway.developmentToken().orElseThrow()).connect()) {
            client.send(HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void connectsWithOnlyATokenAsSubprotocolAsBrowsersCan(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.handshake().apiKey(null).bearerToken(null)
                .subprotocols("bearer", gateway.developmentToken().orElseThrow()).connect()) {
            assertEquals("bearer", client.subprotocol(), "a browser drops a connection whose offered subprotocol is not accepted");
            client.send(HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }
}
