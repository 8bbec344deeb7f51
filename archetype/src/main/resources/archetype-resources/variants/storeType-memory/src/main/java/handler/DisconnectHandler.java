package ${package}.handler;

import ${package}.observability.Log;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** The {@code $disconnect} route: notes that the client left, however it left. */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    static final Metric CONNECTIONS_CLOSED = Metric.count("ConnectionsClosed");

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
        metrics.start().add(CONNECTIONS_CLOSED, 1).publish();
        return Responses.ok();
    }
}
