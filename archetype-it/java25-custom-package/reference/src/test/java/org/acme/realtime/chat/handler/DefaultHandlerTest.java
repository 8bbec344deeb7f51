package org.acme.realtime.chat.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.acme.realtime.chat.messaging.Json;
import org.acme.realtime.chat.messaging.UntrustedText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultHandlerTest extends HandlerTest {

    @Test
    void namesTheSupportedRoutesWhenTheRouteIsUnknown() throws Exception {
        Map<?, ?> reply = replyTo("{\"message\": \"shout\", \"body\": \"hi\"}");

        assertEquals("Unknown route \"shout\"", reply.get("error"));
        assertEquals(Routes.MESSAGE_ROUTES, reply.get("routes"));
    }

    @Test
    void explainsThatAMessageIsNotJson() throws Exception {
        assertEquals("Message is not valid JSON", replyTo("Hello World!").get("error"));
    }

    @Test
    void explainsThatTheRouteFieldIsMissing() throws Exception {
        assertEquals("Message must have a string field \"message\" naming the route",
                replyTo("{\"body\": \"Hello World!\"}").get("error"));
    }

    @Test
    void namesARouteThatStartsWithADollarAsUnknown() throws Exception {
        assertEquals("Unknown route \"$connect\"", replyTo("{\"message\": \"$connect\"}").get("error"));
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
        assertEquals(List.of(), context.logLines().stream().filter(line -> line.contains("\n") || line.contains("\u202E")).toList(),
                "no line break or bidi override reaches the log");
    }

    private Map<?, ?> replyTo(String body) throws Exception {
        String sender = newConnectionId();
        var response = new DefaultHandler(messenger).handleRequest(message(Routes.DEFAULT, sender, body), context);

        assertEquals(400, response.getStatusCode());
        List<String> replies = managementApi.dataPostedTo(sender);
        assertEquals(1, replies.size(), "one reply to the sender");
        return (Map<?, ?>) Json.parse(replies.get(0));
    }
}
