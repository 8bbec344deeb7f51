package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.WebSocketTestClient;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A broadcast past the fan-out threshold, end to end on the local gateway: the broadcast function
 * queues pages in the local SQS engine, the worker function of the template's SQS event source posts
 * them, every client receives the message once.
 */
@WebSocketApiTest(parameters = {"BroadcastFanOutThreshold=2", "BroadcastIntervalSeconds=0"})
class FanOutTest {

    private static final int CLIENTS = 250;

    @Test
    void reachesEveryClientOfABroadcastLargerThanAPageExactlyOnce(LocalGateway gateway) throws Exception {
        List<WebSocketTestClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(gateway.connect());
            }

            clients.get(0).send("{\"message\": \"broadcast\", \"body\": \"Hello, everyone\"}");

            for (WebSocketTestClient client : clients) {
                assertEquals("\"Hello, everyone\"", client.receive());
            }
            Thread.sleep(1_000);
            for (WebSocketTestClient client : clients) {
                client.expectNothingFor(Duration.ZERO);
            }
        } finally {
            clients.forEach(WebSocketTestClient::close);
        }
    }
}
