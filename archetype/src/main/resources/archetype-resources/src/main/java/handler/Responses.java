package ${package}.handler;

import ${package}.auth.BearerToken;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.util.Map;

/**
 * Status answers to API Gateway, which clients never see: 200 to refused input too, once the error
 * reply is on its way, since API Gateway counts other statuses as {@code IntegrationError}s.
 */
final class Responses {

    private Responses() {
    }

    static APIGatewayV2WebSocketResponse ok() {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }

    /** 200 to a handshake, accepting the subprotocol a browser sent its token with: without it the handshake fails. */
    static APIGatewayV2WebSocketResponse connected(APIGatewayV2WebSocketEvent handshake) {
        APIGatewayV2WebSocketResponse response = ok();
        if (BearerToken.offeredAsSubprotocol(handshake.getHeaders())) {
            response.setHeaders(Map.of("Sec-WebSocket-Protocol", BearerToken.SUBPROTOCOL));
        }
        return response;
    }
}
