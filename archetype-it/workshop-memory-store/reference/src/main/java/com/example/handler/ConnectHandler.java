package com.example.handler;

import com.example.auth.BearerToken;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * The {@code $connect} route: accepts the new connection. Nothing is stored: an echo API needs no
 * record of its connections.
 * API Gateway has already checked the API key and run the authorizer before it calls this handler.
 * A browser that sent its token as a subprotocol gets that subprotocol accepted.
 */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        context.getLogger().log("Connected " + event.getRequestContext().getConnectionId());
        return BearerToken.offeredAsSubprotocol(event.getHeaders()) ? Responses.accepting(BearerToken.SUBPROTOCOL) : Responses.ok();
    }
}
