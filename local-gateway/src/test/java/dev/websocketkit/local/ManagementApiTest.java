// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.internal.account.LocalAccount;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
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

    /** An {@code Authorization} header the local gateway accepts: SigV4 with the local account's key (the signature is not checked). */
    private static final String SIGNED_LOCALLY = "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID
            + "/20260101/us-east-1/execute-api/aws4_request";

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
        String signed = "Authorization: " + SIGNED_LOCALLY + "\r\n";

        assertEquals(403, status(callback, "GET " + path, "Host: " + host + "\r\n"));
        assertEquals(403, status(callback, "GET " + path, "Host: attacker.example:80\r\n" + signed));
        assertEquals(405, status(callback, "PUT " + path, "Host: " + host + "\r\n" + signed));
        assertEquals(410, status(callback, "GET " + path, "Host: " + host + "\r\n" + signed));
    }

    /**
     * Both ways {@code HttpURLConnection} sends a body on a kept-alive connection: buffered, with its
     * headers, as the functions' SDK clients send it; and streamed, after a check of the connection,
     * so that the data often arrives after the headers and is read when it comes. Every post is
     * answered as it arrives. (With the data read asynchronously and every connection kept alive,
     * posts sent either way now and then ended in Jetty's internal error, or got no answer before the
     * server's 30 s idle timeout.)
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

    /**
     * Posts written as two pieces, the headers, then, after a pause of up to 2 ms, the data, on a
     * kept-alive connection for as long as the gateway keeps it: one whose data came after its
     * headers is answered with {@code Connection: close}, and the next post goes on a new connection.
     * Every post is answered as it arrives. (Answered on the same connection after their handler had
     * returned, now and then such a post left a later one unanswered.)
     */
    @Test
    void answersEveryPostWhoseDataFollowsItsHeaders(LocalGateway gateway) throws Exception {
        int posts = 10_000;
        // Each post that may come apart followed by one that comes whole: the race this guards against needs both.
        long[] pausesNanos = {20_000, 0, 50_000, 0, 200_000, 0};
        try (WebSocketTestClient client = gateway.connect();
                PostsInTwoPieces connection = new PostsInTwoPieces(URI.create(gateway.callbackUri() + "/@connections/" + connectionIdOf(client)))) {
            for (int sent = 0; sent < posts; sent++) {
                try {
                    assertEquals(200, connection.post("\"" + sent + "\"", pausesNanos[sent % pausesNanos.length]), "post " + sent);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("post " + sent + " of " + posts + " got no answer in 20 s", e);
                }
            }
            for (int received = 0; received < posts; received++) {
                assertEquals("\"" + received + "\"", client.receive(), "message " + received);
            }
        }
    }

    /** Signed posts to a connection's URL, each written as its headers, a pause, then its data, on one connection until the gateway closes it. */
    private static final class PostsInTwoPieces implements AutoCloseable {

        private final URI connection;
        private Socket socket;
        private InputStream answers;

        PostsInTwoPieces(URI connection) {
            this.connection = connection;
        }

        /** Returns the answer's status. */
        int post(String data, long pauseNanos) throws IOException {
            if (socket == null) {
                socket = new Socket(connection.getHost(), connection.getPort());
                socket.setTcpNoDelay(true);
                // Far beyond what a post takes on a busy machine, and short of the idle timeout a stalled post waits for.
                socket.setSoTimeout(20_000);
                answers = new BufferedInputStream(socket.getInputStream());
            }
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write((signedPost(connection) + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            LockSupport.parkNanos(pauseNanos);
            out.write(bytes);
            out.flush();
            Answer answer = Answer.read(answers);
            if (answer.closesTheConnection()) {
                close();
            }
            return answer.status();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    /** Data of no stated length, sent in chunks of HTTP/1.1 one by one, is read whole; over 128 KB it is refused. */
    @Test
    void readsDataSentInChunks(LocalGateway gateway) throws Exception {
        URI callback = gateway.callbackUri();
        String data = "\"" + "chunk ".repeat(1_000) + "\"";
        try (WebSocketTestClient client = gateway.connect()) {
            URI connection = URI.create(callback + "/@connections/" + connectionIdOf(client));

            assertEquals(200, postInChunks(connection, data, 1_000));
            assertEquals(data, client.receive());
            assertEquals(413, postInChunks(connection, "z".repeat(128 * 1024 + 1), 32 * 1024));
        }
    }

    /** Posts {@code data} with {@code Transfer-Encoding: chunked}, a flush after each chunk, and returns the answer's status. */
    private static int postInChunks(URI connection, String data, int chunkSize) throws IOException {
        try (Socket socket = new Socket(connection.getHost(), connection.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((signedPost(connection) + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            for (int start = 0; start < bytes.length; start += chunkSize) {
                int length = Math.min(chunkSize, bytes.length - start);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, start, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Answer.read(new BufferedInputStream(socket.getInputStream())).status();
        }
    }

    /** The request line and headers of a signed POST to a connection's URL, short of how its body is framed. */
    private static String signedPost(URI connection) {
        return "POST " + connection.getPath() + " HTTP/1.1\r\nHost: " + connection.getHost() + ":" + connection.getPort() + "\r\n"
                + "Authorization: " + SIGNED_LOCALLY + "\r\n";
    }

    /** An answer of a kept-alive connection, read to its end. */
    private record Answer(int status, boolean closesTheConnection) {

        static Answer read(InputStream in) throws IOException {
            String statusLine = line(in);
            int contentLength = 0;
            boolean closes = false;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                String[] field = header.split(":", 2);
                if (field[0].equalsIgnoreCase("Content-Length")) {
                    contentLength = Integer.parseInt(field[1].trim());
                } else if (field[0].equalsIgnoreCase("Connection")) {
                    closes = field[1].trim().equalsIgnoreCase("close");
                }
            }
            in.readNBytes(contentLength);
            return new Answer(Integer.parseInt(statusLine.split(" ")[1]), closes);
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int next = in.read(); next != '\n'; next = in.read()) {
                if (next < 0) {
                    throw new EOFException("The gateway closed the connection after: " + line);
                }
                if (next != '\r') {
                    line.append((char) next);
                }
            }
            return line.toString();
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
        post.setRequestProperty("Authorization", SIGNED_LOCALLY);
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
