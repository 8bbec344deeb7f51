// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketEventsTest {

    private static final Instant CONNECTED_AT = Instant.parse("2026-12-02T10:00:00Z");
    private final WebSocketEvents events = WebSocketEvents.of("abc123xyz0", "prod").from("198.51.100.4", "wscat");

    @Test
    void aConnectCarriesTheHandshakeAndTheClient() {
        APIGatewayV2WebSocketEvent connect = events.connect("conn-1=", CONNECTED_AT, Map.of("x-api-key", "key"), Map.of("token", "t"));

        assertEquals("$connect", connect.getRequestContext().getRouteKey());
        assertEquals("CONNECT", connect.getRequestContext().getEventType());
        assertEquals("conn-1=", connect.getRequestContext().getConnectionId());
        assertEquals(CONNECTED_AT.toEpochMilli(), connect.getRequestContext().getConnectedAt());
        assertEquals("abc123xyz0.execute-api.us-east-1.amazonaws.com", connect.getRequestContext().getDomainName());
        assertEquals("prod", connect.getRequestContext().getStage());
        assertEquals("198.51.100.4", connect.getRequestContext().getIdentity().getSourceIp());
        assertEquals("wscat", connect.getRequestContext().getIdentity().getUserAgent());
        assertEquals(Map.of("x-api-key", "key"), connect.getHeaders());
        assertEquals(Map.of("token", "t"), connect.getQueryStringParameters());
    }

    @Test
    void aMessageCarriesItsBodyAsSentAndADisconnectNone() {
        APIGatewayV2WebSocketEvent message = events.message("send", "conn-1=", CONNECTED_AT, "{\"message\": \"send\"}");
        APIGatewayV2WebSocketEvent disconnect = events.disconnect("conn-1=", CONNECTED_AT);

        assertEquals("MESSAGE", message.getRequestContext().getEventType());
        assertEquals("IN", message.getRequestContext().getMessageDirection());
        assertEquals("{\"message\": \"send\"}", message.getBody());
        assertEquals("DISCONNECT", disconnect.getRequestContext().getEventType());
        assertNull(disconnect.getBody());
    }

    @Test
    void theAuthorizerSeesTheConnectRoutesArn() {
        APIGatewayCustomAuthorizerEvent authorize = events.authorize(Map.of("Authorization", "Bearer t"), Map.of());

        assertEquals("REQUEST", authorize.getType());
        assertEquals("arn:aws:execute-api:us-east-1:123456789012:abc123xyz0/prod/$connect", authorize.getMethodArn());
        assertEquals(Map.of("Authorization", "Bearer t"), authorize.getHeaders());
        assertNull(authorize.getQueryStringParameters());
    }

    @Test
    void connectionIdsAreShapedLikeApiGateways() {
        assertTrue(WebSocketEvents.newConnectionId().matches("[A-Za-z0-9]{15}="));
    }
}
