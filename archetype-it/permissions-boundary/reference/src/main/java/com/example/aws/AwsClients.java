package com.example.aws;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
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
 * The configuration every AWS SDK client of this project gets, set explicitly so that no default
 * provider chain probes files, system properties or the instance metadata service during a cold
 * start: the region and credentials Lambda gives the function, the lightweight URL connection HTTP
 * client, and bounded retries. An {@code AWS_ENDPOINT_URL_<SERVICE>} variable, which the local
 * gateway sets, still redirects a client, as the SDK defines.
 */
public final class AwsClients {

    /** The longest an SDK call may take, retries included. */
    public static final Duration API_CALL_TIMEOUT = Duration.ofSeconds(5);

    private AwsClients() {
    }

    /**
     * Applies the region, credentials, HTTP client and retry policy: the standard mode's three
     * attempts with backoff, all within {@link #API_CALL_TIMEOUT}. (A service's legacy retry policy
     * can retry a throttled call for over a minute, long past the function's timeout.)
     */
    public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configure(B builder) {
        return builder.region(Region.of(Environment.require("AWS_REGION")))
                .credentialsProvider(credentialsProvider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> override
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(API_CALL_TIMEOUT));
    }

    /**
     * The function's credentials from Lambda's variables; with SnapStart, which gives none (they
     * would be stale after a restore), from the container credentials endpoint.
     */
    private static AwsCredentialsProvider credentialsProvider() {
        String accessKeyId = System.getenv("AWS_ACCESS_KEY_ID");
        if (accessKeyId == null) {
            return ContainerCredentialsProvider.builder().build();
        }
        String secretAccessKey = Environment.require("AWS_SECRET_ACCESS_KEY");
        String sessionToken = System.getenv("AWS_SESSION_TOKEN");
        return StaticCredentialsProvider.create(sessionToken == null
                ? AwsBasicCredentials.create(accessKeyId, secretAccessKey)
                : AwsSessionCredentials.create(accessKeyId, secretAccessKey, sessionToken));
    }
}
