package ${package}.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The configuration of every SDK client, set explicitly so that no default provider chain probes
 * files or the instance metadata service at cold start. An {@code AWS_ENDPOINT_URL_<SERVICE>}
 * variable, which the local gateway sets, still redirects a client, as the SDK defines.
 */
public final class AwsClients {

    private AwsClients() {
    }

    /**
     * The function's region and credentials, the URL connection HTTP client sending each request in one
     * piece, and the standard retry mode's three attempts within five seconds (a service's legacy policy
     * can retry a throttled call for over a minute, past the function's timeout).
     */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(Region.of(Environment.require("AWS_REGION")))
                // With SnapStart Lambda gives no credential variables (they would be stale after a restore).
                .credentialsProvider(System.getenv("AWS_ACCESS_KEY_ID") == null
                        ? ContainerCredentialsProvider.builder().build()
                        : EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .addExecutionInterceptor(new RequestInOnePiece())
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(5)));
    }

    /**
     * Takes the length off a request before it is signed, so that the JDK sends the body with the
     * headers. Given the length, the client streams the body, and the JDK first checks a kept-alive
     * connection with a read that waits a millisecond for nothing, on every call after the first.
     */
    private static final class RequestInOnePiece implements ExecutionInterceptor {

        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest request, ExecutionAttributes attributes) {
            return request.httpRequest().toBuilder().removeHeader("Content-Length").build();
        }
    }
}
