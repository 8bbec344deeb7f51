package ${package}.handler;

import ${package}.aws.AwsEnvironment;
import ${package}.aws.SnapStartPriming;
import ${package}.messaging.ClientMessage;
import ${package}.messaging.ConnectionMessenger;
import ${package}.messaging.InvalidMessageException;
import ${package}.messaging.Replies;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.List;
import java.util.Map;

/**
 * The {@code #[[$default]]#} route: API Gateway sends here every message that names no known route,
 * including messages that are not JSON at all. The sender learns what went wrong and which routes
 * exist; the connection stays open.
 */
public final class DefaultHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    /** The routes clients can name in the {@code message} field; template.yaml declares the same. */
    public static final List<String> ROUTES = List.of("send", "broadcast");

    private final ConnectionMessenger messenger;
    private final SnapStartPriming priming = SnapStartPriming.register(this::prime);

    public DefaultHandler() {
        this(System.getenv());
    }

    public DefaultHandler(Map<String, String> environment) {
        this.messenger = ConnectionMessenger.fromEnvironment(new AwsEnvironment(environment));
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String reason;
        try {
            reason = "Unknown route \"" + ClientMessage.parse(event.getBody()).route() + "\"";
        } catch (InvalidMessageException e) {
            reason = e.getMessage();
        }
        messenger.send(event.getRequestContext().getConnectionId(), Replies.unsupportedRoute(reason, ROUTES));
        return Responses.badRequest();
    }

    void prime() {
        Replies.unsupportedRoute("priming", ROUTES);
        messenger.prime();
    }
}
