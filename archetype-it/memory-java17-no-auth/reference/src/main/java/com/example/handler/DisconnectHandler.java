package com.example.handler;

import com.example.observability.Log;
import com.example.observability.Metric;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/** The {@code $disconnect} route: notes that the client left, however it left. */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final Metrics metrics;

    /** Lambda's constructor: the metrics namespace from the function's environment. */
    public DisconnectHandler() {
        this(Metrics.fromEnvironment());
    }

    DisconnectHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
        Log.of(context).with("connectionId", connectionId).info("Disconnected");
        metrics.record(Map.of(Metric.CONNECTIONS_CLOSED, 1));
        return Responses.ok();
    }
}
