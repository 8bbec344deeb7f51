package com.example.handler;

import com.example.auth.BearerToken;
import com.example.observability.Log;
import com.example.observability.Metric;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/**
 * The {@code $connect} route: accepts the new connection. Nothing is stored: an echo API needs no
 * record of its connections.
 * API Gateway has already checked the API key and run the authorizer before it calls this handler.
 * A browser that sent its token as a subprotocol gets that subprotocol accepted.
 */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final Metrics metrics;

    /** Lambda's constructor: the metrics namespace from the function's environment. */
    public ConnectHandler() {
        this(Metrics.fromEnvironment());
    }

    ConnectHandler(Metrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        Log.of(context).with("connectionId", event.getRequestContext().getConnectionId()).info("Connected");
        metrics.record(Map.of(Metric.CONNECTIONS_OPENED, 1));
        return BearerToken.offeredAsSubprotocol(event.getHeaders()) ? Responses.accepting(BearerToken.SUBPROTOCOL) : Responses.ok();
    }
}
