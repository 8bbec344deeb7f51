package com.example.handler;

import com.example.aws.SnapStartPriming;
import com.example.connection.Connection;
import com.example.connection.ConnectionStore;
import com.example.connection.DynamoDbConnectionStore;
import com.example.observability.Log;
import com.example.observability.Metric;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The {@code $connect} route: registers the new connection, which API Gateway and the authorizer let in. */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    static final Metric CONNECTIONS_OPENED = Metric.count("ConnectionsOpened");

    private final ConnectionStore connections;
    private final Metrics metrics;

    /** Lambda's constructor: the store and the metrics namespace from the function's environment. */
    public ConnectHandler() {
        this(DynamoDbConnectionStore.fromEnvironment(), Metrics.fromEnvironment());
        SnapStartPriming.register(connections::prime, DynamoDbClient.class);
    }

    ConnectHandler(ConnectionStore connections, Metrics metrics) {
        this.connections = connections;
        this.metrics = metrics;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        RequestContext request = event.getRequestContext();
        Map<String, Object> authorizer = request.getAuthorizer();
        connections.save(new Connection(request.getConnectionId(), Instant.ofEpochMilli(request.getConnectedAt()),
                request.getIdentity() == null ? null : request.getIdentity().getSourceIp(),
                authorizer == null ? null : (String) authorizer.get("principalId")));
        Log.of(context).with("connectionId", request.getConnectionId()).info("Connected");
        metrics.start().add(CONNECTIONS_OPENED, 1).publish();
        return Responses.connected(event);
    }
}
