// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static dev.websocketkit.local.conformance.Capability.CONNECTS_WITHOUT_COMPRESSION;
import static dev.websocketkit.local.conformance.Capability.OFFERS_COMPRESSION;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.junit.WebSocketApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows: a client that offers {@code permessage-deflate} gets it ({@code Sec-WebSocket-Extensions:
 * permessage-deflate}), and its text messages of 9 KB, 32 KB and 100 KB, each sent as one message,
 * are echoed whole, as are the short messages between them, whose echoes the gateway sends
 * uncompressed ({@code CompressedRepliesTest}); a client that offers no compression gets none.
 *
 * <p>Source: reported, not documented (no AWS page mentions WebSocket compression): a debug log of
 * a real {@code execute-api} handshake in which API Gateway answers
 * {@code sec-websocket-extensions: permessage-deflate;server_max_window_bits=12} to a client that
 * asked for those window bits, https://github.com/python-websockets/websockets/issues/1065 (and
 * #1080, #1067 there). A browser's plain offer, {@code permessage-deflate; client_max_window_bits},
 * is answered {@code permessage-deflate}: inferred from that report.
 */
@WebSocketApiTest(template = "src/test/resources/templates/conformance.yaml")
@ExtendWith(Clients.class)
class CompressionIT {

    private static final int[] SIZES = {100, 9 * 1024, 100, 32 * 1024, 100, 100 * 1024, 100};

    @BeforeAll
    static void warmUp(LocalGateway gateway) {
        Api.warmUp(gateway);
    }

    @Row(OFFERS_COMPRESSION)
    void aClientThatOffersPermessageDeflateGetsItAndItsMessagesAreEchoedWhole(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(true))) {
            assertEquals("permessage-deflate", connection.awaitOpen().extensions());

            for (int size : SIZES) {
                String message = Api.sendOfLength(size);
                connection.send(message);
                assertEquals(Api.echoOf(message), connection.receive(), "the echo of a message of " + size + " bytes");
            }
        }
    }

    @Row(CONNECTS_WITHOUT_COMPRESSION)
    void aClientThatOffersNoCompressionGetsNone(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(false))) {
            assertEquals("", connection.awaitOpen().extensions());

            String message = Api.sendOfLength(9 * 1024);
            connection.send(message);
            assertEquals(Api.echoOf(message), connection.receive());
        }
    }
}
