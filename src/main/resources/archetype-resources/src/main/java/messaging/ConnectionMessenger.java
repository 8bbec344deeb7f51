package ${package}.messaging;

import ${package}.aws.AwsEnvironment;
import java.net.URI;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/** Sends data to connected clients through the API Gateway Management API. */
public final class ConnectionMessenger {

    /** The stage's callback URL, {@code https://{api-id}.execute-api.{region}.amazonaws.com/{stage}}. */
    public static final String CALLBACK_URL_VARIABLE = "CALLBACK_URL";

    private final ApiGatewayManagementApiClient managementApi;

    public ConnectionMessenger(ApiGatewayManagementApiClient managementApi) {
        this.managementApi = managementApi;
    }

    public static ConnectionMessenger fromEnvironment(AwsEnvironment environment) {
        URI callbackUrl = URI.create(environment.require(CALLBACK_URL_VARIABLE));
        return new ConnectionMessenger(environment.configure(ApiGatewayManagementApiClient.builder())
                .endpointOverride(callbackUrl)
                .build());
    }

    /**
     * Posts {@code data} to one client.
     *
     * @return {@code false} when API Gateway answers 410 Gone: the client has disconnected
     */
    public boolean send(String connectionId, String data) {
        try {
            managementApi.postToConnection(request -> request.connectionId(connectionId)
                    .data(SdkBytes.fromUtf8String(data)));
            return true;
        } catch (GoneException e) {
            return false;
        }
    }
}
