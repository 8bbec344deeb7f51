// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A template the archetype did not generate: route selection on {@code action}, plain
 * CloudFormation functions, an integration URI built with {@code !Join}, a handler that is a plain
 * method, and neither an API key, an authorizer nor a {@code $default} route.
 */
@WebSocketApiTest(template = "src/test/resources/templates/action.yaml")
class ActionTemplateTest {

    @Test
    void routesOnTheActionFieldToAPlainMethodHandler(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("{\"action\": \"ping\"}");

            assertEquals("\"pong\"", client.receive());
        }
    }

    @Test
    void answersWhatNoRouteTakesWithForbiddenWhenThereIsNoDefaultRoute(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("{\"message\": \"ping\"}");
            Map<String, Object> reply = EchoApiTest.parse(client.receive());

            assertEquals("Forbidden", reply.get("message"));
            client.send("{\"action\": \"ping\"}");
            assertEquals("\"pong\"", client.receive());
        }
    }

    @Test
    void pointsNoFunctionAtALocalSqsWhenTheTemplateHasNoQueue(LocalGateway gateway) {
        assertFalse(gateway.environment("PingFunction").containsKey("AWS_ENDPOINT_URL_SQS"));
    }

    @Test
    void needsNoCredentialsAndSaysSo(LocalGateway gateway) {
        String uri = gateway.webSocketUri().toString();

        assertEquals(List.of("Local WebSocket API: " + uri, "API key: none", "Token: none", "Try: wscat -c " + uri,
                "Or open " + gateway.pageUri() + " in a browser"), gateway.banner());
    }
}
