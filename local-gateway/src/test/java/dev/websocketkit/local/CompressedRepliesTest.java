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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * What goes on the wire to a client that negotiated {@code permessage-deflate}: replies under 1 KB
 * uncompressed, longer ones compressed, and every message in the order it was posted, also while the
 * client reads nothing and the gateway's writes back up. Read frame by frame, with a client of its
 * own, since no client's API shows whether a message came compressed.
 */
@WebSocketApiTest(template = "src/test/resources/templates/echo.yaml")
class CompressedRepliesTest {

    private static final int WAIT_MILLIS = 60_000;

    @Test
    void sendsRepliesUnder1KbUncompressedAndLongerOnesCompressed(LocalGateway gateway) throws Exception {
        try (DeflateClient client = new DeflateClient(gateway, 1 << 20)) {
            String connectionId = client.connectionId();
            String longestUncompressed = "\"" + "s".repeat(1021) + "\"";
            String shortestCompressed = "\"" + "l".repeat(1022) + "\"";

            for (String message : List.of(longestUncompressed, shortestCompressed, longestUncompressed, shortestCompressed)) {
                post(gateway, connectionId, message);
                Received received = client.receive();
                assertEquals(message, received.text());
                assertEquals(message.length() >= 1024, received.compressed(), "whether a message of " + message.length() + " bytes came compressed");
            }
        }
    }

    @Test
    void keepsTheOrderOfPostedMessagesWhileTheClientReadsNothing(LocalGateway gateway) throws Exception {
        // A small window, and more compressed data (6 MB) than the gateway's socket can hold (at most
        // 4 MB on Linux), so that its writes back up: short messages wait behind long ones.
        try (DeflateClient client = new DeflateClient(gateway, 4096)) {
            String connectionId = client.connectionId();
            Random random = new Random(17);
            List<String> posted = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                byte[] noise = new byte[6000];
                random.nextBytes(noise);
                posted.add("\"" + i + " " + Base64.getEncoder().encodeToString(noise) + "\"");
                posted.add("\"" + i + "\"");
            }

            posted.forEach(message -> post(gateway, connectionId, message));

            List<String> received = new ArrayList<>();
            for (int i = 0; i < posted.size(); i++) {
                Received message = client.receive();
                received.add(message.text());
                assertEquals(message.text().length() >= 1024, message.compressed(), "whether message " + i + " came compressed");
            }
            assertEquals(posted, received);
        }
    }

    private static void post(LocalGateway gateway, String connectionId, String message) {
        try {
            // A bound for a gateway that stopped answering, far beyond what a post takes on a busy machine.
            assertEquals(200, ManagementApiTest.postSigned(URI.create(gateway.callbackUri() + "/@connections/" + connectionId), message, WAIT_MILLIS),
                    "the post of message " + message.substring(0, Math.min(20, message.length())));
        } catch (IOException e) {
            throw new AssertionError("could not post to " + connectionId, e);
        }
    }

    private record Received(boolean compressed, String text) {
    }

    /** A client on a socket that offers {@code permessage-deflate} as browsers do, and reports whether each message came compressed. */
    private static final class DeflateClient implements AutoCloseable {

        private static final byte[] TAIL = {0, 0, (byte) 0xff, (byte) 0xff};

        private final RawWebSocket socket;
        private final Inflater inflater = new Inflater(true);

        DeflateClient(LocalGateway gateway, int receiveBufferBytes) throws IOException {
            socket = RawWebSocket.connectWithReceiveBuffer(gateway.webSocketUri(), Map.of(
                    "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits",
                    "x-api-key", gateway.apiKey(),
                    "Authorization", "Bearer " + gateway.developmentToken().orElseThrow()), receiveBufferBytes);
            assertEquals("permessage-deflate", socket.responseHeader("sec-websocket-extensions"));
        }

        String connectionId() throws IOException {
            socket.sendSingleFrame("{\"message\": \"env\"}");
            return (String) EchoApiTest.parse(receive().text()).get("connectionId");
        }

        /** The next message, which the gateway sends in one frame below 32 KB. */
        Received receive() throws IOException {
            RawWebSocket.Frame frame;
            try {
                frame = socket.receiveFrame(WAIT_MILLIS);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no message from the gateway within " + WAIT_MILLIS + " ms", e);
            }
            assertTrue(frame.fin() && frame.opcode() == 1, "a whole text message in one frame");
            byte[] payload = frame.rsv1() ? inflate(frame.payload()) : frame.payload();
            return new Received(frame.rsv1(), new String(payload, StandardCharsets.UTF_8));
        }

        /** Inflates a message's payload, with the tail that RFC 7692 has the sender drop, in the context of the messages before. */
        private byte[] inflate(byte[] payload) {
            ByteArrayOutputStream inflated = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (byte[] input : List.of(payload, TAIL)) {
                    inflater.setInput(input);
                    while (!inflater.needsInput() && !inflater.finished()) {
                        inflated.write(buffer, 0, inflater.inflate(buffer));
                    }
                }
            } catch (DataFormatException e) {
                throw new AssertionError("a compressed message does not inflate", e);
            }
            return inflated.toByteArray();
        }

        @Override
        public void close() throws IOException {
            inflater.end();
            socket.close();
        }
    }
}
