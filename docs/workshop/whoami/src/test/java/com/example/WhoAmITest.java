package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.WebSocketTestClient;
import dev.websocketkit.local.junit.WebSocketApiTest;
import org.junit.jupiter.api.Test;

/** The whoami route end to end: template.yaml, the authorizer, the handler, the Management API. */
@WebSocketApiTest
class WhoAmITest {

    @Test
    void answersWithTheSubjectOfTheCallersToken(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("{\"message\": \"whoami\"}");

            assertEquals("{\"principal\":\"local-developer\"}", client.receive());
        }
    }
}
