package ${package}.handler;

#if( $storeType == 'dynamodb' )
import ${package}.aws.SnapStartPriming;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
#end
import ${package}.observability.Log;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
#if( $storeType == 'dynamodb' )
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
#end

#if( $storeType == 'dynamodb' )
/** The {@code $disconnect} route: forgets the connection, however the client left. */
#else
/** The {@code $disconnect} route: notes that the client left, however it left. */
#end
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    static final Metric CONNECTIONS_CLOSED = Metric.count("ConnectionsClosed");

#if( $storeType == 'dynamodb' )
    private final ConnectionStore connections;
#end
    private final Metrics metrics;

#if( $storeType == 'dynamodb' )
    /** Lambda's constructor: the store and the metrics namespace from the function's environment. */
    public DisconnectHandler() {
        this(DynamoDbConnectionStore.fromEnvironment(), Metrics.fromEnvironment());
        SnapStartPriming.register(connections::prime, DynamoDbClient.class);
    }

    DisconnectHandler(ConnectionStore connections, Metrics metrics) {
        this.connections = connections;
        this.metrics = metrics;
    }
#else
    /** Lambda's constructor: the metrics namespace from the function's environment. */
    public DisconnectHandler() {
        this(Metrics.fromEnvironment());
    }

    DisconnectHandler(Metrics metrics) {
        this.metrics = metrics;
    }
#end

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
#if( $storeType == 'dynamodb' )
        connections.remove(connectionId);
#end
        Log.of(context).with("connectionId", connectionId).info("Disconnected");
        metrics.start().add(CONNECTIONS_CLOSED, 1).publish();
        return Responses.ok();
    }
}
