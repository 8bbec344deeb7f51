package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.messaging.Json;
import com.example.messaging.UntrustedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultHandlerTest extends HandlerTest {

    @Test
    void namesTheSupportedRoutesWhenTheRouteIsUnknownAndLogsAndCountsWhatItAnswered() throws Exception {
        Map<?, ?> reply = replyTo("{\"message\": \"shout\", \"body\": \"hi\"}");

        assertEquals("Unknown route \"shout\"", reply.get("error"));
        assertEquals(Routes.MESSAGE_ROUTES, reply.get("routes"));
        Map<String, Object> line = output.logs().get(0);
        assertEquals("Answered with an error", line.get("message"));
        assertEquals(Routes.DEFAULT, line.get("route"));
        assertEquals(Map.of("InvalidMessages", 1.0), output.metrics(Map.of("Route", Routes.DEFAULT)));
    }

    @Test
    void explainsThatAMessageIsNotJson() throws Exception {
        assertEquals("Message is not valid JSON", replyTo("Hello World!").get("error"));
    }

    /** API Gateway takes messages up to 128 KB; the reply to one must still fit in a post. */
    @Test
    void showsAHugeUnknownRouteCutShortSoThatTheReplyFits() throws Exception {
        String route = "x".repeat(127 * 1024);

        String error = (String) replyTo("{\"message\": \"" + route + "\"}").get("error");

        assertEquals("Unknown route \"" + "x".repeat(UntrustedText.SHOWN_LENGTH) + "…\"", error);
    }

    @Test
    void showsAnUnknownRouteWithoutItsControlCharacters() throws Exception {
        assertEquals("Unknown route \"a?b?c\"", replyTo("{\"message\": \"a\\nb\\u202Ec\"}").get("error"));
        assertEquals(List.of(), output.lines().stream().filter(line -> line.contains("\u202E")).toList(), "no bidi override reaches the log");
        assertEquals("Unknown route \"a?b?c\"", output.logs().get(0).get("reason"));
    }

    private Map<?, ?> replyTo(String body) throws Exception {
        String sender = newConnectionId();
        var response = new DefaultHandler(messenger, metrics).handleRequest(message(Routes.DEFAULT, sender, body), context);

        assertEquals(200, response.getStatusCode(), "handled: API Gateway counts other statuses as integration errors");
        List<String> replies = managementApi.dataPostedTo(sender);
        assertEquals(1, replies.size(), "one reply to the sender");
        return (Map<?, ?>) Json.parse(replies.get(0));
    }
}
