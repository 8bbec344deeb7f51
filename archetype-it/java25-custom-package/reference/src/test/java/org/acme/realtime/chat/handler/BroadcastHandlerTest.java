package org.acme.realtime.chat.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class BroadcastHandlerTest extends HandlerTest {

    private static final String ANNOUNCEMENT = "{\"message\": \"broadcast\", \"body\": \"Hello, everyone\"}";

    @Test
    void deliversTheBodyToEveryConnectionIncludingTheSender() {
        List<String> clients = List.of(connectClient(), connectClient(), connectClient());

        var response = broadcast(clients.get(0), ANNOUNCEMENT);

        assertEquals(200, response.getStatusCode());
        for (String client : clients) {
            assertEquals(List.of("\"Hello, everyone\""), managementApi.dataPostedTo(client), client);
        }
    }

    @Test
    void removesConnectionsThatAreGoneAndStillReachesTheOthers() {
        String sender = connectClient();
        String gone = connectClient();
        String listener = connectClient();
        managementApi.markGone(gone);

        broadcast(sender, ANNOUNCEMENT);

        assertFalse(isStored(gone), "a connection that answered 410 is removed");
        assertTrue(isStored(listener));
        assertEquals(List.of("\"Hello, everyone\""), managementApi.dataPostedTo(listener));
        assertEquals(List.of("\"Hello, everyone\""), managementApi.dataPostedTo(sender));
    }

    @Test
    void aFailingConnectionDoesNotStopDeliveryToTheOthers() {
        String sender = connectClient();
        String failing = connectClient();
        String listener = connectClient();
        managementApi.markFailing(failing);

        var response = broadcast(sender, ANNOUNCEMENT);

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of("\"Hello, everyone\""), managementApi.dataPostedTo(listener));
        assertTrue(isStored(failing), "a connection that failed once is not assumed gone");
        assertTrue(context.logLines().stream().anyMatch(line -> line.contains("Broadcast to " + failing + " failed")),
                context.logLines().toString());
    }

    @Test
    void answersABodyThatIsNotAStringToTheSenderOnly() {
        String sender = connectClient();
        String listener = connectClient();

        var response = broadcast(sender, "{\"message\": \"broadcast\", \"body\": 42}");

        assertEquals(400, response.getStatusCode());
        assertTrue(managementApi.dataPostedTo(sender).get(0).contains("needs a string field"));
        assertEquals(List.of(), managementApi.dataPostedTo(listener));
    }

    private APIGatewayV2WebSocketResponse broadcast(String sender, String body) {
        return new BroadcastHandler(connections, messenger).handleRequest(message(Routes.BROADCAST, sender, body), context);
    }
}
