package ${package}.handler;

#if( $auth == 'jwt' )
import ${package}.auth.BearerToken;
#end
#if( $storeType == 'dynamodb' )
import ${package}.aws.SnapStartPriming;
import ${package}.connection.Connection;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
#end
import ${package}.observability.Log;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
#if( $storeType == 'dynamodb' )
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
#end
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
#if( $storeType == 'dynamodb' )
import java.time.Instant;
#end
#if( $storeType == 'dynamodb' )
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
#end

/**
#if( $storeType == 'dynamodb' )
 * The {@code $connect} route: registers the new connection.
#else
 * The {@code $connect} route: accepts the new connection. Nothing is stored: an echo API needs no
 * record of its connections.
#end
#if( $auth == 'jwt' )
 * API Gateway has already checked the API key and run the authorizer before it calls this handler.
 * A browser that sent its token as a subprotocol gets that subprotocol accepted.
#else
 * API Gateway has already checked the API key before it calls this handler.
#end
 */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    static final Metric CONNECTIONS_OPENED = Metric.count("ConnectionsOpened");

#if( $storeType == 'dynamodb' )
    private final ConnectionStore connections;
#end
    private final Metrics metrics;

#if( $storeType == 'dynamodb' )
    /** Lambda's constructor: the store and the metrics namespace from the function's environment. */
    public ConnectHandler() {
        this(DynamoDbConnectionStore.fromEnvironment(), Metrics.fromEnvironment());
        SnapStartPriming.register(connections::prime, DynamoDbClient.class);
    }

    ConnectHandler(ConnectionStore connections, Metrics metrics) {
        this.connections = connections;
        this.metrics = metrics;
    }
#else
    /** Lambda's constructor: the metrics namespace from the function's environment. */
    public ConnectHandler() {
        this(Metrics.fromEnvironment());
    }

    ConnectHandler(Metrics metrics) {
        this.metrics = metrics;
    }
#end

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
#if( $storeType == 'dynamodb' )
        RequestContext request = event.getRequestContext();
        connections.save(new Connection(
                request.getConnectionId(),
                Instant.ofEpochMilli(request.getConnectedAt()),
                request.getIdentity() == null ? null : request.getIdentity().getSourceIp(),
                principal(request)));
#end
        Log.of(context).with("connectionId", event.getRequestContext().getConnectionId()).info("Connected");
        metrics.start().add(CONNECTIONS_OPENED, 1).publish();
#if( $auth == 'jwt' )
        return BearerToken.offeredAsSubprotocol(event.getHeaders()) ? Responses.accepting(BearerToken.SUBPROTOCOL) : Responses.ok();
#else
        return Responses.ok();
#end
    }
#if( $storeType == 'dynamodb' )

    private static String principal(RequestContext request) {
        Map<String, Object> authorizer = request.getAuthorizer();
        return authorizer == null ? null : (String) authorizer.get("principalId");
    }
#end
}
