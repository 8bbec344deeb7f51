package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.handler.Routes;
import com.example.messaging.Json;
import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.LogCapture;
import dev.websocketkit.local.WebSocketTestClient;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The whole API from template.yaml on the local gateway, through a real WebSocket client. */
@WebSocketApiTest
class EndToEndTest {

    private static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    @Test
    void echoesWhatAClientSendsBackToIt(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send(HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void answersWhatItCannotDoAndKeepsTheConnection(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("Hello World!");
            assertEquals("Message is not valid JSON", reply(client).get("error"));
            client.send("{\"message\": \"shout\"}");
            assertEquals(Routes.MESSAGE_ROUTES, reply(client).get("routes"));

            client.send(HELLO);
            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void logsNoApiKeyTokenOrMessageBody(LocalGateway gateway) throws Exception {
        String secret = "secret-body-7f3a";
        try (LogCapture log = gateway.captureLogs()) {
            try (WebSocketTestClient client = gateway.connect()) {
                client.send("{\"message\": \"send\", \"body\": \"" + secret + "\"}");
                client.receive();
                client.send("{\"message\": \"shout\", \"body\": \"" + secret + "\"}");
                client.receive();
            }
            gateway.handshake().apiKey("wrong-key-7f3a").refusal();

            assertTrue(log.text().contains("\"message\":\"Connected\""), "the functions' log was captured: " + log.text());
            for (String leak : new String[] {gateway.apiKey(), "wrong-key-7f3a", secret, "eyJ"}) {
                assertFalse(log.text().contains(leak), "the log shows " + leak + ": " + log.text());
            }
        }
    }

    private static Map<?, ?> reply(WebSocketTestClient client) throws Exception {
        return (Map<?, ?>) Json.parse(client.receive());
    }
}
