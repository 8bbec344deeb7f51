package com.example.handler;

import com.example.aws.SnapStartPriming;
import com.example.messaging.ClientMessage;
import com.example.messaging.ConnectionMessenger;
import com.example.messaging.InvalidMessageException;
import com.example.messaging.Json;
import com.example.messaging.Replies;
import com.example.observability.Log;
import com.example.observability.Metric;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;
import software.amazon.awssdk.core.SdkClient;

/**
 * A route whose messages carry a string {@code body}; extend it for new routes of that kind. A
 * message without one, or one the route refuses, is answered with a JSON error to its sender, whose
 * connection stays open.
 */
public abstract class TextMessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    protected final ConnectionMessenger messenger;
    protected final Metrics metrics;

    protected TextMessageHandler(ConnectionMessenger messenger, Metrics metrics) {
        this.messenger = messenger;
        this.metrics = metrics;
    }

    /** Lets SnapStart prime this handler's hot path and {@code clients} before the snapshot; Lambda's constructors call it. */
    @SafeVarargs
    protected final void primeBeforeSnapshot(Class<? extends SdkClient>... clients) {
        SnapStartPriming.register(this::prime, clients);
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
        try {
            handleText(sender, ClientMessage.parse(event.getBody()).textBody(), context, log);
            metrics.record(Map.of(Metric.MESSAGES, 1), Metrics.ROUTE, route);
        } catch (InvalidMessageException e) {
            log.with("reason", e.getMessage()).info("Answered with an error");
            metrics.record(Map.of(Metric.INVALID_MESSAGES, 1), Metrics.ROUTE, route);
            messenger.send(sender, Replies.error(e.getMessage()));
        }
        return Responses.ok();
    }

    /**
     * Acts on the text a client sent.
     *
     * @param log the invocation's log, its lines carrying the sender's connection id and the route
     * @throws InvalidMessageException the route cannot act on this text; its message is the reply
     */
    protected abstract void handleText(String sender, String text, Context context, Log log) throws InvalidMessageException;
}
