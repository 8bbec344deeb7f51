package com.example.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/**
 * Status answers to API Gateway. Clients never see them: replies travel through the Management API.
 * A route answers 200 to input it refused too, once its error reply is on its way: API Gateway counts
 * any other status as an {@code IntegrationError}, which the alarms keep for real failures.
 */
final class Responses {

    private Responses() {
    }

    static APIGatewayV2WebSocketResponse ok() {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }

    /** 200, accepting the subprotocol the client offered, as API Gateway requires for the handshake to complete. */
    static APIGatewayV2WebSocketResponse accepting(String subprotocol) {
        APIGatewayV2WebSocketResponse response = ok();
        response.setHeaders(Map.of("Sec-WebSocket-Protocol", subprotocol));
        return response;
    }
}
