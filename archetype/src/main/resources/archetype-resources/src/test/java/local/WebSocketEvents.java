package ${package}.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestIdentity;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Builds the events API Gateway sends to WebSocket route integrations, field for field. */
public final class WebSocketEvents {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** The API and stage the events come from. */
    public record Api(String apiId, String domainName, String stage) {
    }

    /** Who is on the other end of a connection. */
    public record Client(String connectionId, Instant connectedAt, String sourceIp, String userAgent) {
    }

    private final Api api;

    public WebSocketEvents(Api api) {
        this.api = api;
    }

    public APIGatewayV2WebSocketEvent connect(Client client, Map<String, String> headers, Map<String, String> query,
                                              Map<String, Object> authorizer) {
        APIGatewayV2WebSocketEvent event = event("#[[$connect]]#", "CONNECT", client);
        event.setHeaders(headers);
        event.setMultiValueHeaders(multiValue(headers));
        if (!query.isEmpty()) {
            event.setQueryStringParameters(query);
            event.setMultiValueQueryStringParameters(multiValue(query));
        }
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** The event of a Lambda REQUEST authorizer on {@code #[[$connect]]#}, as API Gateway sends it for WebSocket APIs. */
    public APIGatewayCustomAuthorizerEvent authorize(Client client, Map<String, String> headers, Map<String, String> query) {
        APIGatewayCustomAuthorizerEvent.RequestContext context = new APIGatewayCustomAuthorizerEvent.RequestContext();
        context.setApiId(api.apiId());
        context.setStage(api.stage());
        context.setRequestId(newId());
        context.setAccountId(LocalIntrinsics.ACCOUNT_ID);

        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn("arn:aws:execute-api:" + LocalIntrinsics.REGION + ":" + LocalIntrinsics.ACCOUNT_ID + ":"
                + api.apiId() + "/" + api.stage() + "/#[[$connect]]#");
        event.setHeaders(headers);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        event.setRequestContext(context);
        return event;
    }

    public APIGatewayV2WebSocketEvent message(String routeKey, Client client, String body, Map<String, Object> authorizer) {
        APIGatewayV2WebSocketEvent event = event(routeKey, "MESSAGE", client);
        event.getRequestContext().setMessageId(newId());
        event.getRequestContext().setMessageDirection("IN");
        event.getRequestContext().setAuthorizer(authorizer);
        event.setBody(body);
        return event;
    }

    public APIGatewayV2WebSocketEvent disconnect(Client client, Map<String, Object> authorizer) {
        APIGatewayV2WebSocketEvent event = event("#[[$disconnect]]#", "DISCONNECT", client);
        event.getRequestContext().setAuthorizer(authorizer);
        return event;
    }

    /** An id shaped like API Gateway's connection, message and request ids: 16 characters of base64. */
    public static String newId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 15) + "=";
    }

    private APIGatewayV2WebSocketEvent event(String routeKey, String eventType, Client client) {
        RequestIdentity identity = new RequestIdentity();
        identity.setSourceIp(client.sourceIp());
        identity.setUserAgent(client.userAgent());

        Instant now = Instant.now();
        RequestContext context = new RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId(client.connectionId());
        context.setConnectedAt(client.connectedAt().toEpochMilli());
        context.setDomainName(api.domainName());
        context.setStage(api.stage());
        context.setApiId(api.apiId());
        context.setRequestId(newId());
        context.setExtendedRequestId(context.getRequestId());
        context.setRequestTime(REQUEST_TIME.format(now));
        context.setRequestTimeEpoch(now.toEpochMilli());
        context.setIdentity(identity);

        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        event.setIsBase64Encoded(false);
        return event;
    }

    private static Map<String, List<String>> multiValue(Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));
    }
}
