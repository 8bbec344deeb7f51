// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.websocketkit.local.internal.dynamodb.DynamoDbLocal;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Nothing the gateway opens is reachable from another machine, and DynamoDB Local answers no other web origin. */
@WebSocketApiTest(template = "src/test/resources/templates/echo.yaml")
class LoopbackOnlyTest {

    @Test
    void theGatewayListensOnTheLoopbackOnly(LocalGateway gateway) throws IOException {
        int port = gateway.webSocketUri().getPort();

        assertRefusedFromOutside(port);
        try (Socket local = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertFalse(local.isClosed());
        }
    }

    @Test
    void dynamoDbLocalListensOnTheLoopbackOnly() throws IOException {
        assertRefusedFromOutside(DynamoDbLocal.endpoint().getPort());
    }

    /** A web page of any site could otherwise read and write the local tables through the browser. */
    @Test
    void dynamoDbLocalAllowsNoCrossOriginRequest() throws Exception {
        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(DynamoDbLocal.endpoint())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example.test")
                .header("Access-Control-Request-Method", "POST")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(Optional.empty(), preflight.headers().firstValue("Access-Control-Allow-Origin"));
    }

    private static void assertRefusedFromOutside(int port) throws SocketException {
        InetAddress outside = NetworkInterface.networkInterfaces()
                .filter(networkInterface -> !isLoopback(networkInterface))
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .findFirst()
                .orElseThrow(() -> new AssertionError("this machine has no address but the loopback to try from"));
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, port), 2_000);
            }
        }, "port " + port + " answers on " + outside);
    }

    private static boolean isLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isLoopback() || !networkInterface.isUp();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
