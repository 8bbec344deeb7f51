package ${package}.handler;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

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

    /** 200 to a handshake. */
    static APIGatewayV2WebSocketResponse connected(APIGatewayV2WebSocketEvent handshake) {
        return ok();
    }
}
