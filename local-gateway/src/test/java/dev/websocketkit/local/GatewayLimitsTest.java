// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** API Gateway's time limits, shortened so that a test can wait for them. */
class GatewayLimitsTest {

    private static final Path TEMPLATE = Path.of("src/test/resources/templates/echo.yaml");

    @Test
    void closesAConnectionThatStaysIdleWith1001() throws Exception {
        try (LocalGateway gateway = start(LocalGatewayConfig.forTemplate(TEMPLATE).idleTimeout(Duration.ofMillis(300)));
                WebSocketTestClient client = gateway.connect()) {
            assertEquals(1001, client.awaitClose());

            AssertionError closed = assertThrows(AssertionError.class, client::receive, "a closed connection brings no message");
            assertEquals("the connection closed (code 1001) while a message was awaited", closed.getMessage());
        }
    }

    @Test
    void closesAConnectionAtTheMaximumDurationWith1001EvenWhenBusy() throws Exception {
        try (LocalGateway gateway = start(LocalGatewayConfig.forTemplate(TEMPLATE).maxConnectionDuration(Duration.ofSeconds(2)));
                WebSocketTestClient client = gateway.connect()) {
            client.send(EchoApiTest.HELLO);

            assertEquals(1001, client.awaitClose(), "closed while a message of its own was in flight");
        }
    }

    private static LocalGateway start(LocalGatewayConfig config) throws Exception {
        return LocalGateway.start(config.port(0).out(new PrintStream(new ByteArrayOutputStream())));
    }
}
