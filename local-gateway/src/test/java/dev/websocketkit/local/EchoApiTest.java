// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.internal.dynamodb.DynamoDbLocal;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The test template's API through the gateway, from the JDK's WebSocket client. */
@WebSocketApiTest(template = "src/test/resources/templates/echo.yaml")
class EchoApiTest {

    static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    @Test
    void echoesThroughAPlainHandlerThatBuildsItsClientWithTheSdkDefaults(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send(HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void tellsWhereItListensAndHowToConnect(LocalGateway gateway) {
        String uri = gateway.webSocketUri().toString();
        String token = gateway.developmentToken().orElseThrow();

        assertTrue(uri.matches("ws://localhost:\\d+"), uri);
        assertEquals(List.of(
                "Local WebSocket API: " + uri,
                "API key: " + gateway.apiKey(),
                "Token: " + token,
                "Try: wscat -c " + uri + " -H \"x-api-key: " + gateway.apiKey() + "\" -H \"Authorization: Bearer " + token + "\"",
                "Or open " + gateway.pageUri() + " in a browser"),
                gateway.banner());
    }

    @Test
    void servesAPageThatSaysABrowserCannotSendTheHeaderThisApiTakesItsKeyFrom(LocalGateway gateway) throws Exception {
        Map<String, Object> config = BrowserClientTest.configOf(BrowserClientTest.get(gateway.pageUri()).body());

        assertEquals(true, config.get("apiKeyInHeader"));
        assertEquals(List.of("send", "env", "env2", "fail", "slow", "log"), config.get("routes"));
    }

    @Test
    void eachFunctionSeesItsOwnEnvironmentAndStaticStateAsOnLambda(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            Map<String, Object> first = ask(client, "env");
            Map<String, Object> other = ask(client, "env2");
            Map<String, Object> second = ask(client, "env");

            assertEquals("hello", first.get("greeting"));
            assertEquals("hello", first.get("greetingByMethodReference"));
            assertEquals("hello", first.get("greetingInMap"));
            assertEquals("bonjour", other.get("greeting"));
            assertEquals("EnvironmentFunction", first.get("functionName"));
            assertEquals("EnvironmentFunction", first.get("contextFunctionName"));
            assertEquals("OtherEnvironmentFunction", other.get("functionName"));
            assertEquals("us-east-1", first.get("region"));
            assertEquals(gateway.callbackUri().toString(), first.get("callbackUrl"));
            assertTrue(((String) first.get("table")).startsWith("table-"), "Ref of the table resolves to the local table: " + first);
            assertEquals(((Number) first.get("invocations")).intValue() + 1, ((Number) second.get("invocations")).intValue());
            assertEquals(1, ((Number) other.get("invocations")).intValue(), "static state is the function's own");
            assertNotEquals(first.get("classLoader"), other.get("classLoader"));
        }
    }

    @Test
    void printsWhatAFunctionPrintsWithTheFunctionsName(LocalGateway gateway) throws Exception {
        try (LogCapture log = gateway.captureLogs(); WebSocketTestClient client = gateway.connect()) {
            ask(client, "env2");

            assertTrue(log.lines().contains("[OtherEnvironmentFunction] printed by OtherEnvironmentFunction"), log.text());
        }
    }

    @Test
    void formatsAndFiltersTheLogsOfAFunctionWithJsonLoggingConfig(LocalGateway gateway) throws Exception {
        try (LogCapture log = gateway.captureLogs(); WebSocketTestClient client = gateway.connect()) {
            client.send("{\"message\": \"log\"}");
            awaitLine(log, "printed warning");

            List<String> lines = log.lines().stream().filter(line -> line.startsWith("[LoggingFunction] ")).toList();
            List<Map<String, Object>> json = lines.stream().map(line -> parse(line.substring("[LoggingFunction] ".length()))).toList();
            assertEquals(List.of("info line", "error line", "printed warning"),
                    json.stream().map(line -> line.get("message")).toList(), "DEBUG lines are filtered at INFO: " + lines);
            assertEquals(Set.of("timestamp", "message", "level", "AWSRequestId"), json.get(0).keySet());
            assertEquals("ERROR", json.get(1).get("level"));
        }
    }

    @Test
    void connectStoresTheAuthorizersPrincipalInTheTemplatesTableAndDisconnectRemovesIt(LocalGateway gateway) throws Exception {
        String table = gateway.environment("ConnectFunction").get("TABLE_NAME");
        Set<String> before = storedConnections(table).keySet();
        String connectionId;
        try (WebSocketTestClient client = gateway.connect()) {
            Map<String, String> added = storedConnections(table);
            added.keySet().removeAll(before);
            assertEquals(1, added.size(), "one connection stored: " + added);
            connectionId = added.keySet().iterator().next();
            assertEquals("local-developer", added.get(connectionId));
        }
        for (int attempt = 0; attempt < 100 && storedConnections(table).containsKey(connectionId); attempt++) {
            Thread.sleep(50);
        }
        assertTrue(!storedConnections(table).containsKey(connectionId), "$disconnect removed " + connectionId);
    }

    @Test
    void refusesAHandshakeWithoutTheRightApiKeyWith403(LocalGateway gateway) {
        assertEquals(403, gateway.handshake().apiKey(null).refusal());
        assertEquals(403, gateway.handshake().apiKey("wrong").refusal());
    }

    @Test
    void refusesAHandshakeWithoutAValidTokenWith401(LocalGateway gateway) {
        assertEquals(401, gateway.handshake().bearerToken(null).refusal());
        assertEquals(401, gateway.handshake().bearerToken(tampered(gateway.developmentToken().orElseThrow())).refusal());
        assertEquals(401, gateway.handshake().bearerToken(gateway.issueToken("late", Duration.ofMinutes(-5))).refusal());
    }

    @Test
    void acceptsTheTokenInTheQueryString(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.handshake().bearerToken(null).queryToken(gateway.developmentToken().orElseThrow()).connect()) {
            client.send(HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void refusesWith403WhenThePolicyDeniesAnd500WhenTheAuthorizerBreaks(LocalGateway gateway) {
        assertEquals(403, gateway.handshake().bearerToken(gateway.issueToken("denied", Duration.ofMinutes(5))).refusal());
        assertEquals(500, gateway.handshake().bearerToken(gateway.issueToken("broken", Duration.ofMinutes(5))).refusal());
    }

    @Test
    void refusesWithTheStatusOfConnectAnd502WhenConnectThrows(LocalGateway gateway) {
        assertEquals(429, gateway.handshake().query("refuse", "429").refusal());
        assertEquals(502, gateway.handshake().query("fail", "1").refusal());
    }

    @Test
    void acceptsTheSubprotocolThatConnectChooses(LocalGateway gateway) {
        try (WebSocketTestClient client = gateway.handshake().subprotocols("chat.v9", "echo.v1").connect()) {
            assertEquals("echo.v1", client.subprotocol());
        }
    }

    @Test
    void sendsUnknownRoutesAndTextThatIsNotJsonToDefault(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("{\"message\": \"shout\"}");
            assertEquals("\"default route\"", client.receive());
            client.send("Hello World!");
            assertEquals("\"default route\"", client.receive());
            client.send("{\"message\": \"$disconnect\"}");
            assertEquals("\"default route\"", client.receive());
        }
    }

    @Test
    void answersAFailingHandlerWithApiGatewaysInternalErrorAndKeepsTheConnection(LocalGateway gateway) throws Exception {
        try (LogCapture log = gateway.captureLogs(); WebSocketTestClient client = gateway.connect()) {
            client.send("{\"message\": \"fail\"}");
            Map<String, Object> reply = parse(client.receive());
            assertEquals("Internal server error", reply.get("message"));
            assertTrue(reply.containsKey("connectionId") && reply.containsKey("requestId"), reply.toString());

            client.send(HELLO);
            assertEquals("\"Hello World!\"", client.receive());
            assertTrue(log.text().contains("[FailingFunction] {\"errorMessage\":\"This handler always fails\""), log.text());
        }
    }

    @Test
    void answersAHandlerPastItsTimeoutWithTheInternalErrorAndLogsTheTimeout(LocalGateway gateway) throws Exception {
        try (LogCapture log = gateway.captureLogs(); WebSocketTestClient client = gateway.connect()) {
            client.send("{\"message\": \"slow\"}");

            assertEquals("Internal server error", parse(client.receive()).get("message"));
            assertTrue(log.lines().contains("[SlowFunction] Task timed out after 1.00 seconds"), log.text());
        }
    }

    @Test
    void closesTheConnectionWith1009OnAMessageOver128Kb(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.sendInFrames(message("x".repeat(128 * 1024)), 16 * 1024);

            assertEquals(1009, client.awaitClose());
        }
    }

    @Test
    void closesTheConnectionWith1009OnAFrameOver32Kb(LocalGateway gateway) throws Exception {
        Map<String, String> credentials = Map.of("x-api-key", gateway.apiKey(), "Authorization", "Bearer " + gateway.developmentToken().orElseThrow());
        try (RawWebSocket client = RawWebSocket.connect(gateway.webSocketUri(), credentials)) {
            client.sendSingleFrame(message("x".repeat(33 * 1024)));

            assertEquals(1009, client.awaitCloseCode());
        }
    }

    @Test
    void deliversAMessageOf100KbSentIn32KbFrames(LocalGateway gateway) throws Exception {
        String body = "y".repeat(100 * 1024);
        try (WebSocketTestClient client = gateway.connect()) {
            client.sendInFrames(message(body), 32 * 1024);

            assertEquals("\"" + body + "\"", client.receive());
        }
    }

    @Test
    void closesTheConnectionWith1003OnABinaryMessage(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.sendBinary(new byte[] {1, 2, 3});

            assertEquals(1003, client.awaitClose());
        }
    }

    static String message(String body) {
        return "{\"message\": \"send\", \"body\": \"" + body + "\"}";
    }

    static Map<String, Object> ask(WebSocketTestClient client, String route) throws Exception {
        client.send("{\"message\": \"" + route + "\"}");
        return parse(client.receive());
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static void awaitLine(LogCapture log, String text) throws InterruptedException {
        for (int attempt = 0; attempt < 100 && !log.text().contains(text); attempt++) {
            Thread.sleep(50);
        }
        assertTrue(log.text().contains(text), "no log line with " + text + ": " + log.text());
    }

    private static Map<String, String> storedConnections(String table) {
        return DynamoDbLocal.client().scan(request -> request.tableName(table)).items().stream()
                .collect(Collectors.toMap(item -> item.get("connectionId").s(), item -> item.get("principal").s()));
    }

    /** The token with its payload edited after signing. */
    static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("local-developer", "administrator");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "." + parts[2];
    }

}
