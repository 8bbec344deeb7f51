package com.example.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.example.aws.SnapStartPriming;
import com.example.messaging.ConnectionMessenger;
import com.example.messaging.Json;
import java.util.Map;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The {@code whoami} route: tells the caller who the authorizer said it is.
 * {@code {"message": "whoami"}} comes back as {@code {"principal": "alice"}}.
 */
public final class WhoAmIHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ConnectionMessenger messenger;

    /** Lambda's constructor: the Management API of the function's stage. */
    public WhoAmIHandler() {
        this(ConnectionMessenger.fromEnvironment());
        SnapStartPriming.register(messenger::prime, ApiGatewayManagementApiClient.class);
    }

    WhoAmIHandler(ConnectionMessenger messenger) {
        this.messenger = messenger;
    }

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        // API Gateway passes what the $connect authorizer returned on every message of the connection.
        Map<String, Object> authorizer = event.getRequestContext().getAuthorizer();
        Object principal = authorizer == null ? null : authorizer.get("principalId");
        messenger.send(event.getRequestContext().getConnectionId(), Json.write(Map.of("principal", String.valueOf(principal))));
        return Responses.ok();
    }
}
