package ${package}.handler;

import ${package}.aws.AwsEnvironment;
import ${package}.aws.SnapStartPriming;
import ${package}.connection.ConnectionStore;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/** The {@code #[[$disconnect]]#} route: forgets the connection, however the client left. */
public final class DisconnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ConnectionStore connections;
    private final SnapStartPriming priming = SnapStartPriming.register(this::prime);

    public DisconnectHandler() {
        this(System.getenv());
    }

    public DisconnectHandler(Map<String, String> environment) {
        this.connections = ConnectionStore.fromEnvironment(new AwsEnvironment(environment));
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String connectionId = event.getRequestContext().getConnectionId();
        connections.remove(connectionId);
        context.getLogger().log("Disconnected " + connectionId);
        return Responses.ok();
    }

    void prime() {
        connections.prime();
    }
}
