package ${package}.support;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Events shaped like the ones API Gateway sends to WebSocket route integrations. */
public final class TestEvents {

    public static final String DOMAIN_NAME = "abc123xyz0.execute-api.us-east-1.amazonaws.com";
    public static final String STAGE = "prod";
    public static final String SOURCE_IP = "203.0.113.7";

    private TestEvents() {
    }

    public static String newConnectionId() {
        // API Gateway ids are 16 characters of base64 ending in '='.
        return UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "=";
    }

    public static APIGatewayV2WebSocketEvent connect(String connectionId, Instant connectedAt) {
        APIGatewayV2WebSocketEvent event = event("#[[$connect]]#", "CONNECT", connectionId, connectedAt);
        event.setHeaders(Map.of(
                "Host", DOMAIN_NAME,
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Version", "13",
                "x-api-key", "test-api-key"));
        return event;
    }

    public static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
        return event("#[[$disconnect]]#", "DISCONNECT", connectionId, Instant.now());
    }

    /** A message on the route API Gateway selected for it; {@code body} is sent as the client wrote it. */
    public static APIGatewayV2WebSocketEvent message(String routeKey, String connectionId, String body) {
        APIGatewayV2WebSocketEvent event = event(routeKey, "MESSAGE", connectionId, Instant.now());
        event.getRequestContext().setMessageId(UUID.randomUUID().toString());
        event.getRequestContext().setMessageDirection("IN");
        event.setBody(body);
        return event;
    }

    private static APIGatewayV2WebSocketEvent event(String routeKey, String eventType, String connectionId, Instant connectedAt) {
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(SOURCE_IP);
        identity.setUserAgent("test-client");

        RequestContext context = new RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(connectionId);
        context.setConnectedAt(connectedAt.toEpochMilli());
        context.setDomainName(DOMAIN_NAME);
        context.setStage(STAGE);
        context.setApiId("abc123xyz0");
        context.setRequestId(UUID.randomUUID().toString());
        context.setExtendedRequestId(context.getRequestId());
        context.setRequestTimeEpoch(Instant.now().toEpochMilli());
        context.setIdentity(identity);

        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }
}
