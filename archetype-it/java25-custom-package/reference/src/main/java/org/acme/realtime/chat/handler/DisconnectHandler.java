package org.acme.realtime.chat.handler;

import org.acme.realtime.chat.aws.SnapStartPriming;
import org.acme.realtime.chat.connection.ConnectionStore;
import org.acme.realtime.chat.connection.DynamoDbConnectionStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The {@code $disconnect} route: forgets the connection, however the client left. */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ConnectionStore connections;

    /** Lambda's constructor: the store from the function's environment. */
    public DisconnectHandler() {
        this(DynamoDbConnectionStore.fromEnvironment());
        SnapStartPriming.register(connections::prime, DynamoDbClient.class);
    }

    DisconnectHandler(ConnectionStore connections) {
        this.connections = connections;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
        connections.remove(connectionId);
        context.getLogger().log("Disconnected " + connectionId);
        return Responses.ok();
    }
}
