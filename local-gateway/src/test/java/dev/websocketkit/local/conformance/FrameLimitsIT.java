// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static dev.websocketkit.local.conformance.Capability.CONNECTS_WITHOUT_COMPRESSION;
import static dev.websocketkit.local.conformance.Capability.OFFERS_COMPRESSION;
import static dev.websocketkit.local.conformance.Capability.SENDS_FRAGMENTS;
import static dev.websocketkit.local.conformance.Capability.SENDS_ONE_FRAME;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.junit.WebSocketApiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows: one uncompressed frame of exactly 32,768 bytes is accepted, one of 32,769 closes the
 * connection with 1009; a message of 131,072 bytes (128 KB) in fragments of 32 KB is accepted and
 * echoed, one byte more closes the connection with 1009; with {@code permessage-deflate}, a message
 * of 100 KB in one frame is accepted, its compressed frame being small; a binary message closes the
 * connection with 1003.
 *
 * <p>Sources, documented: the frame size (32 KB) and message payload (128 KB) quotas, and that a
 * larger frame or message closes the connection with 1009,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html
 * (again in the note of
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-websocket-api-routes-integrations.html);
 * binary frames in incoming payloads are not supported and close the connection with 1003,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-api-develop-binary-media-types.html.
 * That the 32 KB limit applies to the frame on the wire, compressed, is the gateway's reading of the
 * quota: no source says how API Gateway counts a compressed frame.
 */
@WebSocketApiTest(template = "src/test/resources/templates/conformance.yaml")
@ExtendWith(Clients.class)
class FrameLimitsIT {

    private static final int MAX_FRAME = 32 * 1024;
    private static final int MAX_MESSAGE = 128 * 1024;

    @BeforeAll
    static void warmUp(LocalGateway gateway) {
        Api.warmUp(gateway);
    }

    @Row({SENDS_ONE_FRAME, CONNECTS_WITHOUT_COMPRESSION})
    void oneFrameOf32768BytesIsAccepted(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(false).exactFrames())) {
            connection.awaitOpen();
            String message = Api.sendOfLength(MAX_FRAME);

            connection.sendOneFrame(message);

            assertEquals(Api.echoOf(message), connection.receive());
        }
    }

    @Row({SENDS_ONE_FRAME, CONNECTS_WITHOUT_COMPRESSION})
    void oneFrameOf32769BytesClosesTheConnectionWith1009(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(false).exactFrames())) {
            connection.awaitOpen();

            connection.sendOneFrame(Api.sendOfLength(MAX_FRAME + 1));

            assertEquals(1009, connection.awaitClose().code());
        }
    }

    @Row({SENDS_FRAGMENTS, CONNECTS_WITHOUT_COMPRESSION})
    void aMessageOf131072BytesIn32KbFragmentsIsAcceptedAndEchoed(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(false))) {
            connection.awaitOpen();
            String message = Api.sendOfLength(MAX_MESSAGE);

            connection.sendFragments(message, MAX_FRAME);

            assertEquals(Api.echoOf(message), connection.receive());
        }
    }

    @Row({SENDS_FRAGMENTS, CONNECTS_WITHOUT_COMPRESSION})
    void aMessageOf131073BytesIn32KbFragmentsClosesTheConnectionWith1009(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(false))) {
            connection.awaitOpen();

            connection.sendFragments(Api.sendOfLength(MAX_MESSAGE + 1), MAX_FRAME);

            assertEquals(1009, connection.awaitClose().code());
        }
    }

    @Row({SENDS_ONE_FRAME, OFFERS_COMPRESSION})
    void withCompressionA100KbMessageInOneFrameIsAcceptedAsItsCompressedFrameIsSmall(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(true).exactFrames())) {
            assertEquals("permessage-deflate", connection.awaitOpen().extensions());
            String message = Api.sendOfLength(100 * 1024);

            connection.sendOneFrame(message);

            assertEquals(Api.echoOf(message), connection.receive());
        }
    }

    @Row
    void aBinaryMessageClosesTheConnectionWith1003(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();

            connection.sendBinary(new byte[] {1, 2, 3});

            assertEquals(1003, connection.awaitClose().code());
        }
    }
}
