package com.example.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/** Status answers to API Gateway. Clients never see them: replies travel through the Management API. */
final class Responses {

    private Responses() {
    }

    static APIGatewayV2WebSocketResponse ok() {
        return status(200);
    }

    /** 200, accepting the subprotocol the client offered, as API Gateway requires for the handshake to complete. */
    static APIGatewayV2WebSocketResponse accepting(String subprotocol) {
        APIGatewayV2WebSocketResponse response = status(200);
        response.setHeaders(Map.of("Sec-WebSocket-Protocol", subprotocol));
        return response;
    }

    static APIGatewayV2WebSocketResponse badRequest() {
        return status(400);
    }

    private static APIGatewayV2WebSocketResponse status(int statusCode) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(statusCode);
        return response;
    }
}
