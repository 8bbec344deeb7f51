package com.example.handler;

import com.example.messaging.ConnectionMessenger;
import com.example.messaging.Json;
import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The {@code send} route: echoes the message body back to its sender.
 * {@code {"message": "send", "body": "Hello World!"}} comes back as {@code "Hello World!"}.
 */
public final class SendHandler extends TextMessageHandler {

    /** Lambda's constructor: the Management API of the function's stage. */
    public SendHandler() {
        this(ConnectionMessenger.fromEnvironment());
        primeBeforeSnapshot(ApiGatewayManagementApiClient.class);
    }

    SendHandler(ConnectionMessenger messenger) {
        super(messenger);
    }

    @Override
    protected void handleText(String sender, String text, Context context) {
        if (!messenger.send(sender, Json.write(text))) {
            context.getLogger().log("Sender " + sender + " left before the echo arrived");
        }
    }
}
