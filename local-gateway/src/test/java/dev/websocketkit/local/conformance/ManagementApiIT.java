// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static dev.websocketkit.local.conformance.Capability.SEES_FRAMES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.internal.account.LocalAccount;
import dev.websocketkit.local.conformance.Connection.Message;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PayloadTooLargeException;

/**
 * Rows, each through the Management API {@code /{stage}/@connections/{id}} with the AWS SDK's client
 * (signed as the functions sign) or plain HTTP, and each observed from the client's side: POST 200,
 * and the client receives the data (100 KB whole, in frames of at most 32 KB where the client shows
 * frames; exactly 128 KB too); GET 200 with {@code connectedAt}, {@code identity.sourceIp},
 * {@code identity.userAgent} and {@code lastActiveAt}; DELETE 204, and the client sees its connection
 * closed (1000); a connection that is gone, 410 for POST, GET and DELETE; an unsigned request, 403,
 * and nothing reaches the client; data over 128 KB, 413, and nothing reaches the client.
 *
 * <p>Sources, documented: the operations, their statuses and errors (GoneException 410,
 * ForbiddenException 403, PayloadTooLargeException 413) and the GET body, the SDK's service model
 * (apigatewaymanagementapi 2018-11-29) and
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-connections.html;
 * posts over 32 KB go out in frames of at most 32 KB, the limits table,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-execution-service-websocket-limits-table.html;
 * 410 for a closed connection, https://repost.aws/knowledge-center/410-gone-api-gateway. Reported:
 * DeleteConnection closes with 1000, https://github.com/aws/chalice/issues/2060; a client that sends
 * no User-Agent (wscat, ws) is described with {@code userAgent} null,
 * https://github.com/momonoki1990/aws-tutorial-chat-app (go-ver/README.md).
 */
@WebSocketApiTest(template = "src/test/resources/templates/conformance.yaml")
@ExtendWith(Clients.class)
class ManagementApiIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ApiGatewayManagementApiClient managementApi;
    private static URI callback;

    @BeforeAll
    static void start(LocalGateway gateway) {
        Api.warmUp(gateway);
        callback = gateway.callbackUri();
        managementApi = ApiGatewayManagementApiClient.builder()
                .endpointOverride(gateway.callbackUri())
                .region(Region.of(LocalAccount.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stop() {
        if (managementApi != null) {
            managementApi.close();
        }
    }

    @Row
    void aPostIs200AndTheClientReceivesTheDataWhole(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);

            for (String data : new String[] {"\"from outside\"", jsonString(100 * 1024), jsonString(128 * 1024)}) {
                assertEquals(200, status(() -> post(id, data)));
                assertEquals(data, connection.receive(), "a post of " + data.length() + " bytes");
            }
        }
    }

    @Row(SEES_FRAMES)
    void aPostOf100KbArrivesInFramesOf32KbAtMost(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway).compression(false).exactFrames())) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);
            String data = jsonString(100 * 1024);

            assertEquals(200, status(() -> post(id, data)));

            Message message = connection.receiveMessage();
            assertEquals(data, message.text());
            assertTrue(message.frames().size() > 1 && message.frames().stream().allMatch(frame -> frame <= 32 * 1024),
                    "frames of 32 KB at most: " + message.frames());
        }
    }

    @Row
    void aGetIs200AndDescribesTheConnection(ClientKind client, LocalGateway gateway) throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);

            GetConnectionResponse description = managementApi.getConnection(request -> request.connectionId(id));
            assertEquals(200, description.sdkHttpResponse().statusCode());
            assertTrue(!description.connectedAt().isBefore(before) && !description.connectedAt().isAfter(Instant.now()),
                    "connected just now: " + description.connectedAt());
            assertFalse(description.lastActiveAt().isBefore(description.connectedAt()), "active since it connected: " + description);
            assertTrue(InetAddress.getByName(description.identity().sourceIp()).isLoopbackAddress(), description.identity().sourceIp());
            client.userAgent().ifPresent(sent -> assertEquals(sent, description.identity().userAgent(), "the User-Agent the client sent"));

            HttpResponse<String> raw = HTTP.send(signed(id).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, raw.statusCode());
            Map<String, Object> body = Api.parse(raw.body());
            assertEquals(Set.of("connectedAt", "identity", "lastActiveAt"), body.keySet(), raw.body());
            assertEquals(Set.of("sourceIp", "userAgent"), ((Map<?, ?>) body.get("identity")).keySet(), raw.body());
        }
    }

    /**
     * Node's ws and wscat send no {@code User-Agent}; API Gateway then describes the connection with
     * {@code "userAgent": null}.
     */
    @Row
    void aClientThatSendsNoUserAgentIsDescribedWithUserAgentNull(ClientKind client, LocalGateway gateway) throws Exception {
        assumeTrue(client.userAgent().isEmpty(), client + " sends a User-Agent");
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);

            assertNull(managementApi.getConnection(request -> request.connectionId(id)).identity().userAgent());
            HttpResponse<String> raw = HTTP.send(signed(id).GET().build(), HttpResponse.BodyHandlers.ofString());
            Map<?, ?> identity = (Map<?, ?>) Api.parse(raw.body()).get("identity");
            assertTrue(identity.containsKey("userAgent") && identity.get("userAgent") == null, raw.body());
        }
    }

    @Row
    void aDeleteIs204AndTheClientSeesItsConnectionClosed(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);

            assertEquals(204, status(() -> managementApi.deleteConnection(request -> request.connectionId(id))));

            assertEquals(1000, connection.awaitClose().code());
        }
    }

    @Row
    void aConnectionThatIsGoneIs410(ClientKind client, LocalGateway gateway) throws InterruptedException {
        String id;
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            id = Api.connectionIdOf(connection);
            connection.close();
            assertEquals(1000, connection.awaitClose().code());
        }
        // The client has its close; the gateway forgets the connection as its close handshake ends.
        long deadline = System.nanoTime() + Connection.WAIT.toNanos();
        while (status(() -> managementApi.getConnection(request -> request.connectionId(id))) == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertEquals(410, status(() -> post(id, "\"too late\"")));
        assertEquals(410, status(() -> managementApi.getConnection(request -> request.connectionId(id))));
        assertEquals(410, status(() -> managementApi.deleteConnection(request -> request.connectionId(id))));
        assertThrows(GoneException.class, () -> post(id, "\"too late\""), "the SDK's exception for 410");
    }

    @Row
    void anUnsignedRequestIs403AndNothingReachesTheClient(ClientKind client, LocalGateway gateway) throws Exception {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);

            HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(connectionUri(id))
                    .POST(HttpRequest.BodyPublishers.ofString("\"unsigned\"")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, unsigned.statusCode());
            assertEquals("ForbiddenException", unsigned.headers().firstValue("x-amzn-ErrorType").orElse(null));

            assertEquals(200, status(() -> post(id, "\"signed\"")));
            assertEquals("\"signed\"", connection.receive(), "the next message is the signed post's");
        }
    }

    @Row
    void dataOver128KbIs413AndNothingReachesTheClient(ClientKind client, LocalGateway gateway) {
        try (Connection connection = client.connect(Api.connect(gateway))) {
            connection.awaitOpen();
            String id = Api.connectionIdOf(connection);

            assertEquals(413, status(() -> post(id, jsonString(128 * 1024 + 1))));
            assertThrows(PayloadTooLargeException.class, () -> post(id, jsonString(128 * 1024 + 1)), "the SDK's exception for 413");

            assertEquals(200, status(() -> post(id, "\"small\"")));
            assertEquals("\"small\"", connection.receive(), "the next message is the small post's");
        }
    }

    private static AwsResponse post(String id, String data) {
        return managementApi.postToConnection(request -> request.connectionId(id).data(SdkBytes.fromUtf8String(data)));
    }

    /** The HTTP status of a Management API call through the SDK, successful or not. */
    private static int status(Supplier<? extends AwsResponse> call) {
        try {
            return call.get().sdkHttpResponse().statusCode();
        } catch (AwsServiceException e) {
            return e.statusCode();
        }
    }

    /** A JSON string of exactly {@code bytes} bytes, quotes included, of repetitive text. */
    private static String jsonString(int bytes) {
        return "\"" + "Hello World! ".repeat(bytes / 13 + 1).substring(0, bytes - 2) + "\"";
    }

    private static URI connectionUri(String id) {
        return URI.create(callback + "/@connections/" + id);
    }

    /** A request that names the local account's key as the SDK signs it; the gateway does not check the signature itself. */
    private static HttpRequest.Builder signed(String id) {
        return HttpRequest.newBuilder(connectionUri(id)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID
                        + "/20260101/" + LocalAccount.REGION + "/execute-api/aws4_request, SignedHeaders=host, Signature=0");
    }
}
