package ${package}.messaging;

import ${package}.aws.AwsClients;
import ${package}.aws.Environment;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.PostToConnectionRequest;

/** Sends data to connected clients through the API Gateway Management API. */
public final class ConnectionMessenger {

    /** The stage's callback URL, {@code https://{api-id}.execute-api.{region}.amazonaws.com/{stage}}. */
    public static final String CALLBACK_URL_VARIABLE = "CALLBACK_URL";

    private final ApiGatewayManagementApiClient managementApi;

    public ConnectionMessenger(ApiGatewayManagementApiClient managementApi) {
        this.managementApi = managementApi;
    }

    public static ConnectionMessenger fromEnvironment() {
        return forCallbackUrl(URI.create(Environment.require(CALLBACK_URL_VARIABLE)));
    }

    /** The callback URL is the whole endpoint: a fixed endpoint provider skips the SDK's rules engine and its class loading. */
    public static ConnectionMessenger forCallbackUrl(URI callbackUrl) {
        Endpoint endpoint = Endpoint.builder().url(callbackUrl).build();
        return new ConnectionMessenger(AwsClients.configure(ApiGatewayManagementApiClient.builder())
                .endpointProvider(parameters -> CompletableFuture.completedFuture(endpoint))
                .build());
    }

    /** Builds and signs a post with throwaway credentials, for SnapStart: nothing leaves the JVM. */
    public void prime() {
        PostToConnectionRequest request = PostToConnectionRequest.builder()
                .connectionId("priming")
                .data(SdkBytes.fromUtf8String(Json.write("priming")))
                .build();
        SdkHttpRequest httpRequest = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create("https://priming.invalid/prime/@connections/" + request.connectionId()))
                .build();
        AwsV4HttpSigner.create().sign(signing -> signing
                .identity(AwsCredentialsIdentity.create("AKIDPRIMING", "priming"))
                .request(httpRequest)
                .payload(ContentStreamProvider.fromByteArray(request.data().asByteArray()))
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api"));
    }

    /** Posts {@code data} to one client; {@code false} when API Gateway answers 410 Gone: the client has left. */
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
