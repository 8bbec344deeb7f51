package ${package}.handler;

import ${package}.messaging.ClientMessage;
import ${package}.messaging.ConnectionMessenger;
import ${package}.messaging.InvalidMessageException;
import ${package}.messaging.Json;
import ${package}.messaging.Replies;
import ${package}.observability.Log;
import ${package}.observability.Measurements;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** A route whose messages carry a string {@code body}; what it refuses is answered with a JSON error. Extend it for new routes. */
public abstract class TextMessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    /** A message a route handled; by {@code Route}. */
    static final Metric MESSAGES = Metric.count("Messages");
    /** A message the API could not act on and answered with an error; by {@code Route}. */
    static final Metric INVALID_MESSAGES = Metric.count("InvalidMessages");

    protected final ConnectionMessenger messenger;
    private final Metrics metrics;

    protected TextMessageHandler(ConnectionMessenger messenger, Metrics metrics) {
        this.messenger = messenger;
        this.metrics = metrics;
    }

    /** Parses and answers a sample message offline, so SnapStart's snapshot holds the hot path. */
    protected void prime() {
        try {
            Json.write(ClientMessage.parse(Replies.EXAMPLE).textBody());
        } catch (InvalidMessageException e) {
            throw new IllegalStateException("The sample message must be valid", e);
        }
        Replies.error("priming");
        messenger.prime();
    }

    @Override
    public final APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String sender = event.getRequestContext().getConnectionId();
        String route = event.getRequestContext().getRouteKey();
        Log log = Log.of(context).with("connectionId", sender).with("route", route);
        Measurements measurements = metrics.start();
        try {
            handleText(sender, ClientMessage.parse(event.getBody()).textBody(), context, log, measurements);
            measurements.add(MESSAGES, 1, Metrics.ROUTE, route);
        } catch (InvalidMessageException e) {
            log.with("reason", e.getMessage()).info("Answered with an error");
            measurements.add(INVALID_MESSAGES, 1, Metrics.ROUTE, route);
            messenger.send(sender, Replies.error(e.getMessage()));
        }
        measurements.publish();
        return Responses.ok();
    }

    /** Acts on the text a client sent; an {@link InvalidMessageException}'s message is the reply. */
    protected abstract void handleText(String sender, String text, Context context, Log log, Measurements measurements)
            throws InvalidMessageException;
}
