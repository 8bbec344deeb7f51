// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.junit.WebSocketApiTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client that reads nothing for a while holds up no one: posts to it return, the gateway's own
 * replies to it are queued, other clients are served, and once it reads it gets every message, in
 * the order it was posted. The gateway handles every client's frames on one selector thread, so a
 * send that waited for a slow client's window would stall them all.
 */
@WebSocketApiTest(template = "src/test/resources/templates/browser.yaml")
class SlowReaderTest {

    private static final int WAIT_MILLIS = 60_000;
    private static final Pattern FORBIDDEN = Pattern.compile("\\{\"message\": \"Forbidden\", \"connectionId\":\"([^\"]+)\", \"requestId\":\"[^\"]+\"}");

    @Test
    void aClientThatReadsNothingHoldsUpNoOneAndLaterGetsEveryMessageInOrder(LocalGateway gateway) throws Exception {
        Map<String, String> credentials = Map.of("x-api-key", gateway.apiKey(), "Authorization", "Bearer " + gateway.developmentToken().orElseThrow());
        try (RawWebSocket slow = RawWebSocket.connectWithReceiveBuffer(gateway.webSocketUri(), credentials, 4096);
             WebSocketTestClient other = gateway.connect()) {
            // The template has no $default: API Gateway's own answer names the connection.
            slow.sendSingleFrame("{\"message\": \"unknown\"}");
            Matcher forbidden = FORBIDDEN.matcher(receiveMessage(slow));
            assertTrue(forbidden.matches(), "API Gateway's answer to a message no route takes");
            URI connection = URI.create(gateway.callbackUri() + "/@connections/" + forbidden.group(1));

            // 10 MB in messages of ten frames each, more than the gateway's socket holds (at most 4 MB on
            // Linux) while the client's window stays at 4 KB: the gateway's writes back up.
            List<String> posted = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String message = i + " " + "x".repeat(100_000);
                posted.add(message);
                assertEquals(200, ManagementApiTest.postSigned(connection, message, WAIT_MILLIS), "the post of message " + i);
            }
            slow.sendSingleFrame("{\"message\": \"unknown\"}");
            other.send("{\"message\": \"send\", \"body\": \"still served\"}");
            assertEquals("\"still served\"", other.receive(), "another client's echo while the slow one's messages wait");

            for (int i = 0; i < posted.size(); i++) {
                String received = receiveMessage(slow);
                assertEquals(posted.get(i), received, "message " + i + " as posted (its first characters: " + received.substring(0, 8) + ")");
            }
            assertTrue(FORBIDDEN.matcher(receiveMessage(slow)).matches(), "the answer to its second message, after the posts before it");
        }
    }

    /** The next text message, whole: its frames up to the last. */
    private static String receiveMessage(RawWebSocket client) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        RawWebSocket.Frame frame;
        do {
            try {
                frame = client.receiveFrame(WAIT_MILLIS);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no frame from the gateway within " + WAIT_MILLIS + " ms", e);
            }
            assertEquals(message.size() == 0 ? 1 : 0, frame.opcode(), "a text frame, then continuations");
            message.write(frame.payload());
        } while (!frame.fin());
        return message.toString(StandardCharsets.UTF_8);
    }
}
