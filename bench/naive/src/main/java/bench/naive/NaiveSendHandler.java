package bench.naive;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.net.URI;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/** The send handler as users write it from AWS's samples: default client builder, default chains. */
public class NaiveSendHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final ApiGatewayManagementApiClient client = ApiGatewayManagementApiClient.builder()
            .endpointOverride(URI.create(System.getenv("CALLBACK_URL")))
            .build();

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String body = event.getBody();
        String text = body.substring(body.indexOf("\"body\": \"") + 9, body.lastIndexOf('"'));
        client.postToConnection(request -> request.connectionId(event.getRequestContext().getConnectionId())
                .data(SdkBytes.fromUtf8String("\"" + text + "\"")));
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }
}
