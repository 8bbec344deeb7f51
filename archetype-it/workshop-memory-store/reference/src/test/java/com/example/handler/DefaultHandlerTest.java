package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.messaging.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultHandlerTest extends HandlerTest {

    @Test
    void namesTheSupportedRoutesWhenTheRouteIsUnknown() throws IOException {
        Map<?, ?> reply = replyTo("{\"message\": \"shout\", \"body\": \"hi\"}");

        assertEquals("Unknown route \"shout\"", reply.get("error"));
        assertEquals(Routes.MESSAGE_ROUTES, reply.get("routes"));
    }

    @Test
    void explainsThatAMessageIsNotJson() throws IOException {
        assertEquals("Message is not valid JSON", replyTo("Hello World!").get("error"));
    }

    @Test
    void explainsThatTheRouteFieldIsMissing() throws IOException {
        assertEquals("Message must have a string field \"message\" naming the route",
                replyTo("{\"body\": \"Hello World!\"}").get("error"));
    }

    private Map<?, ?> replyTo(String body) throws IOException {
        String sender = newConnectionId();
        var response = new DefaultHandler(messenger).handleRequest(message(Routes.DEFAULT, sender, body), context);

        assertEquals(400, response.getStatusCode());
        List<String> replies = managementApi.dataPostedTo(sender);
        assertEquals(1, replies.size(), "one reply to the sender");
        return (Map<?, ?>) Json.parse(replies.get(0));
    }
}
