package ${package}.handler;

import ${package}.auth.BearerToken;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
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

    /**
     * 200 to a handshake. A browser that sent its token as a subprotocol gets that subprotocol
     * accepted, as API Gateway requires for the handshake to complete.
     */
    static APIGatewayV2WebSocketResponse connected(APIGatewayV2WebSocketEvent handshake) {
        APIGatewayV2WebSocketResponse response = ok();
        if (BearerToken.offeredAsSubprotocol(handshake.getHeaders())) {
            response.setHeaders(Map.of("Sec-WebSocket-Protocol", BearerToken.SUBPROTOCOL));
        }
        return response;
    }
}
