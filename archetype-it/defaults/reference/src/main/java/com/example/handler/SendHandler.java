package com.example.handler;

import com.example.aws.SnapStartPriming;
import com.example.messaging.ConnectionMessenger;
import com.example.messaging.Json;
import com.example.observability.Log;
import com.example.observability.Measurements;
import com.example.observability.Metric;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** The {@code send} route: {@code {"message": "send", "body": "Hello World!"}} comes back to its sender as {@code "Hello World!"}. */
public final class SendHandler extends TextMessageHandler {

    /** A post to a connection that reached it. */
    static final Metric DELIVERIES = Metric.count("Deliveries");

    /** Lambda's constructor: the Management API of the function's stage and the metrics namespace. */
    public SendHandler() {
        this(ConnectionMessenger.fromEnvironment(), Metrics.fromEnvironment());
        SnapStartPriming.register(this::prime, ApiGatewayManagementApiClient.class);
    }

    SendHandler(ConnectionMessenger messenger, Metrics metrics) {
        super(messenger, metrics);
    }

    @Override
    protected void handleText(String sender, String text, Context context, Log log, Measurements measurements) {
        if (messenger.send(sender, Json.write(text))) {
            measurements.add(DELIVERIES, 1);
        } else {
            log.info("The sender left before the echo arrived");
        }
    }
}
