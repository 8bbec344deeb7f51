package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.messaging.Replies;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendHandlerTest extends HandlerTest {

    @Test
    void echoesTheBodyToTheSenderThroughTheStageCallbackUrl() {
        String sender = newConnectionId();

        var response = send(sender, "{\"message\": \"send\", \"body\": \"Hello World!\"}");

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of("\"Hello World!\""), managementApi.dataPostedTo(sender), "posted to the sender on the stage");
        assertEquals(Map.of("Messages", 1.0), output.metrics(Map.of("Route", "send")));
        assertEquals(1.0, output.metrics().get("Deliveries"));
        assertEquals(1, metricDocuments(), "the route's figures and the delivery in one document");
    }

    @Test
    void answersABodyThatIsNotAStringWithAnError() {
        String sender = newConnectionId();

        var response = send(sender, "{\"message\": \"send\", \"body\": {\"nested\": true}}");

        assertEquals(200, response.getStatusCode(), "handled: API Gateway counts other statuses as integration errors");
        assertEquals(List.of(Replies.error("Route \"send\" needs a string field \"body\"")), managementApi.dataPostedTo(sender));
        assertEquals(Map.of("InvalidMessages", 1.0), output.metrics(Map.of("Route", "send")));
        Map<String, Object> line = output.logs().get(0);
        assertEquals("Answered with an error", line.get("message"));
        assertEquals("send", line.get("route"));
        assertEquals(sender, line.get("connectionId"));
    }

    @Test
    void toleratesASenderThatLeftBeforeTheEcho() {
        String sender = newConnectionId();
        managementApi.markGone(sender);

        var response = send(sender, "{\"message\": \"send\", \"body\": \"anyone there?\"}");

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of(), managementApi.dataPostedTo(sender));
    }

    private APIGatewayV2WebSocketResponse send(String sender, String body) {
        return new SendHandler(messenger, metrics).handleRequest(message(Routes.SEND, sender, body), context);
    }
}
