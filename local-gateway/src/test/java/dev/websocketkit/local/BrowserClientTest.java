// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An API whose authorizer gives the API key, as browsers need: they cannot set headers on a
 * WebSocket handshake. And the page the gateway serves to try such an API from a browser.
 */
@WebSocketApiTest(template = "src/test/resources/templates/browser.yaml")
class BrowserClientTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern CONFIG = Pattern.compile("<script id=\"config\" type=\"application/json\">(.*?)</script>");

    @Test
    void connectsWithOnlyATokenTheWayABrowserCan(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.handshake().apiKey(null).bearerToken(null)
                .queryToken(gateway.developmentToken().orElseThrow()).connect()) {
            client.send(EchoApiTest.HELLO);

            assertEquals("\"Hello World!\"", client.receive());
        }
    }

    @Test
    void checksTheKeyTheAuthorizerGivesAgainstTheTemplatesKeys(LocalGateway gateway) {
        assertEquals(403, gateway.handshake().apiKey("not-a-key-of-this-api").refusal(), "the authorizer passes a header key on; it is checked");
        assertEquals(401, gateway.handshake().apiKey(null).bearerToken(null).refusal());
    }

    @Test
    void servesAPageConfiguredForThisApi(LocalGateway gateway) throws Exception {
        HttpResponse<String> page = get(gateway.pageUri());

        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().startsWith("default-src 'none'"),
                "the page loads nothing from anywhere else");
        assertEquals(Map.of(
                "url", gateway.webSocketUri().toString(),
                "token", gateway.developmentToken().orElseThrow(),
                "routeField", "message",
                "routes", List.of("send"),
                "apiKeyInHeader", false), configOf(page.body()));
    }

    @Test
    void servesNothingElse(LocalGateway gateway) throws Exception {
        assertEquals(404, get(gateway.pageUri().resolve("/index.html")).statusCode());
    }

    static Map<String, Object> configOf(String html) throws IOException {
        Matcher config = CONFIG.matcher(html);
        assertTrue(config.find(), "the page carries its configuration");
        return JSON.std.mapFrom(config.group(1));
    }

    static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
