// SPDX-License-Identifier: Apache-2.0

package bench.defaults;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The $connect handler with the SDK's defaults: the generated handler's item, no more. */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.create();
    private final String table = System.getenv("CONNECTIONS_TABLE");

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
        Instant connectedAt = Instant.ofEpochMilli(request.getConnectedAt());
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of(
                "connectionId", AttributeValue.fromS(request.getConnectionId()),
                "connectedAt", AttributeValue.fromS(connectedAt.toString()),
                "expiresAt", AttributeValue.fromN(Long.toString(connectedAt.plus(Duration.ofMinutes(135)).getEpochSecond())),
                "sourceIp", AttributeValue.fromS(request.getIdentity().getSourceIp()))));
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(200);
        return response;
    }
}
