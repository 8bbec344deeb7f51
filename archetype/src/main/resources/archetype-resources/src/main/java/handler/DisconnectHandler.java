package ${package}.handler;

import ${package}.aws.SnapStartPriming;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
import ${package}.observability.Log;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The {@code $disconnect} route: forgets the connection, however the client left. */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    static final Metric CONNECTIONS_CLOSED = Metric.count("ConnectionsClosed");

    private final ConnectionStore connections;
    private final Metrics metrics;

    /** Lambda's constructor: the store and the metrics namespace from the function's environment. */
    public DisconnectHandler() {
        this(DynamoDbConnectionStore.fromEnvironment(), Metrics.fromEnvironment());
        SnapStartPriming.register(connections::prime, DynamoDbClient.class);
    }

    DisconnectHandler(ConnectionStore connections, Metrics metrics) {
        this.connections = connections;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
        connections.remove(connectionId);
        Log.of(context).with("connectionId", connectionId).info("Disconnected");
        metrics.start().add(CONNECTIONS_CLOSED, 1).publish();
        return Responses.ok();
    }
}
