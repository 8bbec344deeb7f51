// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.internal.account.LocalAccount;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/** The local Management API through the AWS SDK's own client, signed as the functions sign, and through raw HTTP. */
@WebSocketApiTest(template = "src/test/resources/templates/echo.yaml")
class ManagementApiTest {

    @Test
    void postsToDescribesAndClosesAConnection(LocalGateway gateway) throws Exception {
        ApiGatewayManagementApiClient managementApi = client(gateway.callbackUri());
        try (WebSocketTestClient client = gateway.connect()) {
            String connectionId = connectionIdOf(client);

            managementApi.postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String("\"from outside\"")));
            assertEquals("\"from outside\"", client.receive());

            GetConnectionResponse description = managementApi.getConnection(request -> request.connectionId(connectionId));
            assertEquals("127.0.0.1", description.identity().sourceIp());
            assertTrue(description.connectedAt() != null && description.lastActiveAt() != null);

            managementApi.deleteConnection(request -> request.connectionId(connectionId));
            assertEquals(1000, client.awaitClose());
            assertThrows(GoneException.class, () -> managementApi.getConnection(request -> request.connectionId(connectionId)));
        }
    }

    @Test
    void answersGoneForAConnectionThatIsNotOpen(LocalGateway gateway) {
        assertThrows(GoneException.class, () -> client(gateway.callbackUri())
                .postToConnection(request -> request.connectionId("NoSuchConnection=").data(SdkBytes.fromUtf8String("x"))));
    }

    @Test
    void refusesDataOver128KbWith413(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            String connectionId = connectionIdOf(client);
            String data = "z".repeat(128 * 1024 + 1);

            assertThrows(PayloadTooLargeException.class, () -> client(gateway.callbackUri())
                    .postToConnection(request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String(data))));
        }
    }

    @Test
    void refusesAnotherStageWith403(LocalGateway gateway) {
        URI otherStage = URI.create(gateway.callbackUri().toString().replace("/dev", "/prod"));

        assertThrows(ForbiddenException.class, () -> client(otherStage)
                .postToConnection(request -> request.connectionId("AnyConnection000=").data(SdkBytes.fromUtf8String("x"))));
    }

    @Test
    void refusesUnsignedRequestsForeignHostsAndOtherMethods(LocalGateway gateway) throws Exception {
        URI callback = gateway.callbackUri();
        String path = callback.getPath() + "/@connections/AnyConnection000=";
        String host = callback.getHost() + ":" + callback.getPort();
        String signed = "Authorization: AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID + "/20260101/us-east-1/execute-api/aws4_request\r\n";

        assertEquals(403, status(callback, "GET " + path, "Host: " + host + "\r\n"));
        assertEquals(403, status(callback, "GET " + path, "Host: attacker.example:80\r\n" + signed));
        assertEquals(405, status(callback, "PUT " + path, "Host: " + host + "\r\n" + signed));
        assertEquals(410, status(callback, "GET " + path, "Host: " + host + "\r\n" + signed));
    }

    /**
     * Both ways {@code HttpURLConnection} sends a body on a kept-alive connection: buffered, with its
     * headers, as the functions' SDK clients send it; and streamed, after a check of the connection,
     * so that the data often arrives after the headers and is read when it comes. Every post is
     * answered as it arrives. (With the data read asynchronously, posts sent either way now and then
     * ended in Jetty's internal error, or got no answer before the server's 30 s idle timeout.)
     */
    @ParameterizedTest
    @EnumSource(Body.class)
    void answersEveryPostOfAKeptAliveConnectionAsItArrives(Body body, LocalGateway gateway) throws Exception {
        int posts = 2_000;
        try (WebSocketTestClient client = gateway.connect()) {
            URI post = URI.create(gateway.callbackUri() + "/@connections/" + connectionIdOf(client));
            for (int sent = 0; sent < posts; sent++) {
                try {
                    // Far beyond what a post takes on a busy machine, and short of the idle timeout a stalled post waits for.
                    assertEquals(200, postSigned(post, "\"" + sent + "\"", 20_000, body), "post " + sent);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("post " + sent + " of " + posts + " got no answer in 20 s", e);
                }
            }
            for (int received = 0; received < posts; received++) {
                assertEquals("\"" + received + "\"", client.receive(), "message " + received);
            }
        }
    }

    /** How {@code HttpURLConnection} sends a body. */
    enum Body {
        WITH_THE_HEADERS,
        STREAMED
    }

    /**
     * Posts {@code data} to a connection's URL as {@code HttpURLConnection} sends it unless told to
     * stream, with a signature the local gateway accepts, and returns the answer's status once its
     * body is read; {@code timeoutMillis} bounds the connect and each read.
     */
    static int postSigned(URI connection, String data, int timeoutMillis) throws IOException {
        return postSigned(connection, data, timeoutMillis, Body.WITH_THE_HEADERS);
    }

    private static int postSigned(URI connection, String data, int timeoutMillis, Body body) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        HttpURLConnection post = (HttpURLConnection) connection.toURL().openConnection();
        post.setConnectTimeout(timeoutMillis);
        post.setReadTimeout(timeoutMillis);
        post.setRequestMethod("POST");
        post.setDoOutput(true);
        if (body == Body.STREAMED) {
            post.setFixedLengthStreamingMode(bytes.length);
        }
        post.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID
                + "/20260101/us-east-1/execute-api/aws4_request");
        try (OutputStream out = post.getOutputStream()) {
            out.write(bytes);
        }
        int status = post.getResponseCode();
        post.getInputStream().readAllBytes();
        return status;
    }

    /** The connection id of a client, as the server sees it. */
    static String connectionIdOf(WebSocketTestClient client) throws Exception {
        return (String) EchoApiTest.ask(client, "env").get("connectionId");
    }

    private static int status(URI server, String requestLine, String headers) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\n" + headers + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().findFirst().orElseThrow();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }

    static ApiGatewayManagementApiClient client(URI callbackUrl) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(callbackUrl)
                .region(Region.of(LocalAccount.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
