package com.example.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.retry.RetryMode;
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
     * The function's region and credentials, the URL connection HTTP client, and the standard retry
     * mode's three attempts within five seconds (a service's legacy policy can retry a throttled call
     * for over a minute, past the function's timeout).
     */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(Region.of(Environment.require("AWS_REGION")))
                // With SnapStart Lambda gives no credential variables (they would be stale after a restore).
                .credentialsProvider(System.getenv("AWS_ACCESS_KEY_ID") == null
                        ? ContainerCredentialsProvider.builder().build()
                        : EnvironmentVariableCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(Duration.ofSeconds(5)));
    }
}
