package ${package}.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.aws.AwsEnvironment;
import ${package}.connection.Connection;
import ${package}.connection.ConnectionStore;
import ${package}.messaging.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
#if( $auth == 'jwt' )
import java.util.Base64;
#end
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole API through the local gateway, from a real WebSocket client. */
class LocalGatewayTest {

    private static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    private LocalGateway gateway;
    private ConnectionStore connections;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = LocalGateway.start(LocalGateway.Settings.forTests(Path.of("template.yaml")));
        connections = ConnectionStore.fromEnvironment(new AwsEnvironment(gateway.environment()));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void tellsWhereItListensAndHowToConnect() {
        String uri = gateway.webSocketUri().toString();

        assertTrue(uri.matches("ws://localhost:\\d+"), uri);
#if( $auth == 'jwt' )
        String token = gateway.developmentToken().orElseThrow();
        assertEquals(List.of(
                "Local WebSocket API: " + uri,
                "API key: " + gateway.apiKey(),
                "Token: " + token,
                "Try: wscat -c " + uri + " -H \"x-api-key: " + gateway.apiKey() + "\" -H \"Authorization: Bearer " + token + "\""),
                gateway.banner());
#else
        assertEquals(List.of(
                "Local WebSocket API: " + uri,
                "API key: " + gateway.apiKey(),
                "Token: none",
                "Try: wscat -c " + uri + " -H \"x-api-key: " + gateway.apiKey() + "\""), gateway.banner());
#end
    }

    @Test
    void echoesTheSeedTranscript() throws Exception {
        try (WebSocketTestClient client = connect()) {
            client.send(HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void registersTheConnectionAndForgetsItOnClose() throws Exception {
        Set<String> before = storedIds();
        String connectionId;
        try (WebSocketTestClient client = connect()) {
            connectionId = newId(before);
            assertEquals(200, managementApi("GET", connectionId).statusCode());
        }
        awaitRemoved(connectionId);
    }

    @Test
    void broadcastReachesEveryClientAndRemovesOneThatIsGone() throws Exception {
        connections.save(new Connection("gone0000000000A=", Instant.now(), "198.51.100.9", null));
        try (WebSocketTestClient first = connect(); WebSocketTestClient second = connect(); WebSocketTestClient third = connect()) {
            first.send("{\"message\": \"broadcast\", \"body\": \"Hello, everyone\"}");

            for (WebSocketTestClient client : List.of(first, second, third)) {
                assertEquals("\"Hello, everyone\"", client.receive());
            }
            awaitRemoved("gone0000000000A=");
        }
    }

    @Test
    void deleteThroughTheManagementApiClosesTheClientAndRemovesIt() throws Exception {
        Set<String> before = storedIds();
        try (WebSocketTestClient client = connect()) {
            String connectionId = newId(before);

            assertEquals(204, managementApi("DELETE", connectionId).statusCode());

            assertEquals(1000, client.awaitClose());
            awaitRemoved(connectionId);
            assertEquals(410, managementApi("GET", connectionId).statusCode());
        }
    }

    @Test
    void refusesAHandshakeWithoutTheRightApiKey() {
        assertEquals(403, WebSocketTestClient.refusedStatus(gateway.webSocketUri(), credentials(null)));
        assertEquals(403, WebSocketTestClient.refusedStatus(gateway.webSocketUri(), credentials("wrong")));
    }
#if( $auth == 'jwt' )

    @Test
    void refusesAHandshakeWithoutAValidTokenWith401() {
        String token = gateway.developmentToken().orElseThrow();
        Map<String, String> noToken = Map.of("x-api-key", gateway.apiKey());

        assertEquals(401, WebSocketTestClient.refusedStatus(gateway.webSocketUri(), noToken));
        assertEquals(401, WebSocketTestClient.refusedStatus(gateway.webSocketUri(),
                Map.of("x-api-key", gateway.apiKey(), "Authorization", "Bearer " + tampered(token))));
        assertEquals(401, WebSocketTestClient.refusedStatus(gateway.webSocketUri(),
                Map.of("x-api-key", gateway.apiKey(), "Authorization", "Bearer "
                        + gateway.issueDevelopmentToken("late-developer", Duration.ofMinutes(-5)))));
    }

    @Test
    void acceptsTheTokenInTheQueryStringAndStoresItsSubject() throws Exception {
        Set<String> before = storedIds();
        URI withToken = URI.create(gateway.webSocketUri() + "/?token=" + gateway.developmentToken().orElseThrow());
        try (WebSocketTestClient client = WebSocketTestClient.connect(withToken, Map.of("x-api-key", gateway.apiKey()))) {
            String connectionId = newId(before);
            assertEquals("local-developer", connections.findAll().stream()
                    .filter(connection -> connection.connectionId().equals(connectionId))
                    .findFirst().orElseThrow().principal());

            client.send(HELLO);
            assertEquals("\"Hello World!\"", client.receive());
        }
    }
#end

    @Test
    void logsNoApiKeyTokenOrMessageBody() throws Exception {
        PrintStream originalOut = System.out;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setOut(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            try (WebSocketTestClient client = connect()) {
                client.send("{\"message\": \"send\", \"body\": \"secret-body-7f3a\"}");
                client.receive();
                client.send("{\"message\": \"broadcast\", \"body\": \"secret-body-7f3a\"}");
                client.receive();
            }
            WebSocketTestClient.refusedStatus(gateway.webSocketUri(), credentials("wrong-key-7f3a"));
#if( $auth == 'jwt' )
            WebSocketTestClient.refusedStatus(gateway.webSocketUri(),
                    Map.of("x-api-key", gateway.apiKey(), "Authorization", "Bearer " + tampered(gateway.developmentToken().orElseThrow())));
#end
        } finally {
            System.setOut(originalOut);
        }
        String output = log.toString(StandardCharsets.UTF_8);
        assertTrue(output.contains("[ConnectFunction]"), "the functions' log was captured: " + output);
        for (String secret : new String[] {gateway.apiKey(), "wrong-key-7f3a", "secret-body-7f3a", "eyJ"}) {
            assertFalse(output.contains(secret), "the log shows " + secret + ": " + output);
        }
    }

    @Test
    void answersMalformedJsonAndUnknownRoutesAndKeepsTheConnection() throws Exception {
        try (WebSocketTestClient client = connect()) {
            client.send("Hello World!");
            assertEquals("Message is not valid JSON", error(client.receive()));

            client.send("{\"message\": \"shout\"}");
            Map<?, ?> reply = (Map<?, ?>) Json.parse(client.receive());
            assertEquals("Unknown route \"shout\"", reply.get("error"));
            assertEquals(List.of("send", "broadcast"), reply.get("routes"));

            client.send(HELLO);
            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void closesTheConnectionWith1009OnAMessageOver128Kb() throws Exception {
        try (WebSocketTestClient client = connect()) {
            client.sendWithoutWaiting("{\"message\": \"send\", \"body\": \"" + "x".repeat(LocalGateway.MAX_MESSAGE_BYTES) + "\"}");

            assertEquals(1009, client.awaitClose());
        }
    }

    @Test
    void closesAnIdleConnection() throws Exception {
        gateway.close();
        gateway = LocalGateway.start(LocalGateway.Settings.forTests(Path.of("template.yaml")).withIdleTimeout(Duration.ofMillis(300)));

        try (WebSocketTestClient client = connect()) {
            assertEquals(1001, client.awaitClose());
        }
    }

    @Test
    void answersAFailingHandlerWithTheInternalErrorAndKeepsTheConnection(@TempDir Path dir) throws Exception {
        gateway.close();
        gateway = LocalGateway.start(LocalGateway.Settings.forTests(templateWithFailingRoute(dir)));

        try (WebSocketTestClient client = connect()) {
            client.send("{\"message\": \"fail\"}");
            Map<?, ?> reply = (Map<?, ?>) Json.parse(client.receive());
            assertEquals("Internal server error", reply.get("message"));
            assertTrue(reply.containsKey("connectionId") && reply.containsKey("requestId"), reply.toString());

            client.send(HELLO);
            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    private WebSocketTestClient connect() {
        return WebSocketTestClient.connect(gateway.webSocketUri(), credentials(gateway.apiKey()));
    }

    /** The given API key (none if {@code null}) and, when the API has an authorizer, a valid token. */
    private Map<String, String> credentials(String apiKey) {
        Map<String, String> headers = new HashMap<>();
        if (apiKey != null) {
            headers.put("x-api-key", apiKey);
        }
        gateway.developmentToken().ifPresent(token -> headers.put("Authorization", "Bearer " + token));
        return headers;
    }

    private HttpResponse<String> managementApi(String method, String connectionId) throws Exception {
        URI uri = URI.create(gateway.webSocketUri().toString().replace("ws://", "http://") + "/prod/@connections/" + connectionId);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Set<String> storedIds() {
        return connections.findAll().stream().map(Connection::connectionId).collect(Collectors.toSet());
    }

    private String newId(Set<String> before) {
        Set<String> added = new HashSet<>(storedIds());
        added.removeAll(before);
        assertEquals(1, added.size(), "one new connection in the store");
        return added.iterator().next();
    }

    private void awaitRemoved(String connectionId) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && storedIds().contains(connectionId); attempt++) {
            Thread.sleep(50);
        }
        assertFalse(storedIds().contains(connectionId), connectionId + " is still stored");
    }

#if( $auth == 'jwt' )
    /** The token with its payload edited after signing. */
    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8).replace("local-developer", "administrator");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

#end
    private static String error(String reply) throws Exception {
        return (String) ((Map<?, ?>) Json.parse(reply)).get("error");
    }

    /** The project's template plus a route whose handler throws: adding a route is all it takes. */
    private static Path templateWithFailingRoute(Path dir) throws Exception {
        String template = Files.readString(Path.of("template.yaml"));
        String failingRoute = String.join("\n",
                "  FailFunction:",
                "    Type: AWS::Serverless::Function",
                "    Properties:",
                "      Handler: " + FailingHandler.class.getName() + "::handleRequest",
                "",
                "  FailRoute:",
                "    Type: AWS::ApiGatewayV2::Route",
                "    Properties:",
                "      ApiId: !Ref WebSocketApi",
                "      RouteKey: fail",
                "      Target: !Sub integrations/#[[${FailIntegration}]]#",
                "",
                "  FailIntegration:",
                "    Type: AWS::ApiGatewayV2::Integration",
                "    Properties:",
                "      ApiId: !Ref WebSocketApi",
                "      IntegrationType: AWS_PROXY",
                "      IntegrationUri: !Sub arn:#[[${AWS::Partition}]]#:apigateway:#[[${AWS::Region}]]#:lambda:path/2015-03-31/functions/#[[${FailFunction.Alias}]]#/invocations",
                "",
                "");
        Path copy = dir.resolve("template.yaml");
        Files.writeString(copy, template.replace("\nOutputs:", "\n" + failingRoute + "Outputs:"));
        return copy;
    }
}
