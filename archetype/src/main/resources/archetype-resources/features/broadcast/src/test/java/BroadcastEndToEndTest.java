package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.WebSocketTestClient;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The broadcast route on the local gateway, through real WebSocket clients. */
@WebSocketApiTest
class BroadcastEndToEndTest {

    @Test
    void broadcastReachesEveryConnectedClient(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient first = gateway.connect(); WebSocketTestClient second = gateway.connect();
                WebSocketTestClient third = gateway.connect()) {
            first.send("{\"message\": \"broadcast\", \"body\": \"Hello, everyone\"}");

            for (WebSocketTestClient client : List.of(first, second, third)) {
                assertEquals("\"Hello, everyone\"", client.receive());
            }
        }
    }
}
