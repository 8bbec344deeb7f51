package ${package}.handler;

#if( $storeType == 'dynamodb' )
import ${package}.aws.SnapStartPriming;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
#end
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
#if( $storeType == 'dynamodb' )

    private final ConnectionStore connections;

    /** Lambda's constructor: the store from the function's environment. */
    public DisconnectHandler() {
        this(DynamoDbConnectionStore.fromEnvironment());
        SnapStartPriming.register(connections::prime, DynamoDbClient.class);
    }

    DisconnectHandler(ConnectionStore connections) {
        this.connections = connections;
    }
#end

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
#if( $storeType == 'dynamodb' )
        connections.remove(connectionId);
#end
        context.getLogger().log("Disconnected " + connectionId);
        return Responses.ok();
    }
}
