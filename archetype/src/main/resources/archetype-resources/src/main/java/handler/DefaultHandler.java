package ${package}.handler;

import ${package}.aws.SnapStartPriming;
import ${package}.messaging.ClientMessage;
import ${package}.messaging.ConnectionMessenger;
import ${package}.messaging.InvalidMessageException;
import ${package}.messaging.Replies;
import ${package}.messaging.UntrustedText;
import ${package}.observability.Log;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The {@code $default} route, of every message that names no known route or is no JSON: the sender
 * learns what went wrong and which routes exist, the route shown cut short and printable so that the
 * reply fits in a post.
 */
public final class DefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ConnectionMessenger messenger;
    private final Metrics metrics;

    /** Lambda's constructor: the Management API of the function's stage and the metrics namespace. */
    public DefaultHandler() {
        this(ConnectionMessenger.fromEnvironment(), Metrics.fromEnvironment());
        SnapStartPriming.register(this::prime, ApiGatewayManagementApiClient.class);
    }

    DefaultHandler(ConnectionMessenger messenger, Metrics metrics) {
        this.messenger = messenger;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String reason;
        try {
            reason = "Unknown route \"" + UntrustedText.printable(ClientMessage.parse(event.getBody()).route()) + "\"";
        } catch (InvalidMessageException e) {
            reason = e.getMessage();
        }
        String sender = event.getRequestContext().getConnectionId();
        Log.of(context).with("connectionId", sender).with("route", Routes.DEFAULT).with("reason", reason).info("Answered with an error");
        metrics.start().add(TextMessageHandler.INVALID_MESSAGES, 1, Metrics.ROUTE, Routes.DEFAULT).publish();
        messenger.send(sender, Replies.unsupportedRoute(reason, Routes.MESSAGE_ROUTES));
        return Responses.ok();
    }

    void prime() {
        Replies.unsupportedRoute("priming", Routes.MESSAGE_ROUTES);
        messenger.prime();
    }
}
