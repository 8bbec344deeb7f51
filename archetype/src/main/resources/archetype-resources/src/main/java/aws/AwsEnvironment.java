package ${package}.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The environment a function runs in, as Lambda describes it with variables.
 *
 * <p>SDK clients are configured from it explicitly (region, credentials, HTTP client) so that no
 * default provider chain probes files, system properties or the instance metadata service during
 * a cold start. Handlers receive it as a map, which lets tests and the local gateway run them with
 * the environment that {@code template.yaml} declares.
 */
public final class AwsEnvironment {

    /** The longest an SDK call may take, retries included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Map<String, String> variables;

    public AwsEnvironment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public String require(String name) {
        String value = variables.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }

    public Region region() {
        return Region.of(require("AWS_REGION"));
    }

    /**
     * The standard endpoint override of the SDKs: {@code AWS_ENDPOINT_URL_<SERVICE>}, then
     * {@code AWS_ENDPOINT_URL}. Unset on AWS; set by tests and by the local gateway.
     */
    public Optional<URI> endpointOverride(String serviceId) {
        return Optional.ofNullable(variables.get("AWS_ENDPOINT_URL_" + serviceId))
                .or(() -> Optional.ofNullable(variables.get("AWS_ENDPOINT_URL")))
                .map(URI::create);
    }

    public AwsCredentialsProvider credentialsProvider() {
        String accessKeyId = variables.get("AWS_ACCESS_KEY_ID");
        if (accessKeyId == null) {
            // Functions restored from a SnapStart snapshot get credentials from the container endpoint.
            return ContainerCredentialsProvider.builder().build();
        }
        String secretAccessKey = require("AWS_SECRET_ACCESS_KEY");
        String sessionToken = variables.get("AWS_SESSION_TOKEN");
        AwsCredentials credentials = sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken);
        return StaticCredentialsProvider.create(credentials);
    }

    /**
     * Applies the region, credentials and the lightweight URL connection HTTP client, and bounds
     * retries: the standard mode's three attempts with backoff, all within {@link #API_CALL_TIMEOUT}.
     * (DynamoDB's legacy policy would retry a throttled call for over a minute, long past the
     * function's timeout.)
     */
    public <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(region())
                .credentialsProvider(credentialsProvider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(API_CALL_TIMEOUT));
    }
}
