package com.example.handler;

import com.example.aws.SnapStartPriming;
import com.example.messaging.ClientMessage;
import com.example.messaging.ConnectionMessenger;
import com.example.messaging.InvalidMessageException;
import com.example.messaging.Json;
import com.example.messaging.Replies;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.core.SdkClient;

/**
 * A route whose messages carry a string {@code body}; extend it for new routes of that kind. A
 * message without one is answered with a JSON error to its sender, whose connection stays open.
 */
public abstract class TextMessageHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    protected final ConnectionMessenger messenger;

    protected TextMessageHandler(ConnectionMessenger messenger) {
        this.messenger = messenger;
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
        String text;
        try {
            text = ClientMessage.parse(event.getBody()).textBody();
        } catch (InvalidMessageException e) {
            messenger.send(sender, Replies.error(e.getMessage()));
            return Responses.badRequest();
        }
        handleText(sender, text, context);
        return Responses.ok();
    }

    protected abstract void handleText(String sender, String text, Context context);
}
