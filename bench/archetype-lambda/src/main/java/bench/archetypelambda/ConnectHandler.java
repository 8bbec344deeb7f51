// SPDX-License-Identifier: Apache-2.0

package bench.archetypelambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The $connect handler with clients configured as AWS's archetype-lambda configures them: the generated handler's item, no more. */
public final class ConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    private final DynamoDbClient dynamoDb = DynamoDbClient.builder()
            .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
            .region(Region.of(System.getenv(SdkSystemSetting.AWS_REGION.environmentVariable())))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build();
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
