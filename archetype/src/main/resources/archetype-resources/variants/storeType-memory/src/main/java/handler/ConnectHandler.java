package ${package}.handler;

import ${package}.observability.Log;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** The {@code $connect} route: accepts the new connection, which API Gateway and the authorizer let in; an echo API stores none. */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    static final Metric CONNECTIONS_OPENED = Metric.count("ConnectionsOpened");

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
        metrics.start().add(CONNECTIONS_OPENED, 1).publish();
        return Responses.connected(event);
    }
}
