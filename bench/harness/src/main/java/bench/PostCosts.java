// SPDX-License-Identifier: Apache-2.0

package bench;

import dev.websocketkit.local.internal.account.LocalAccount;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * What one post to a connection costs, step by step, measured from this JVM against a running
 * gateway: signing alone, a plain HTTP POST, and the SDK's whole postToConnection, with the URL
 * connection client as it comes and as the generated {@code AwsClients} configures it.
 */
record PostCosts(double signMicros, double rawPostMicros, double streamedPostMicros, double sdkStreamedPostMicros, double sdkPostMicros) {

    private static final int READ_TIMEOUT_MILLIS = 30_000;
    private static final byte[] DATA = "\"Hello World!\"".getBytes(StandardCharsets.UTF_8);

    /** Posts go to {@code connectionId}, a client that stays connected (and receives them) meanwhile; each step the median of {@code calls}. */
    static PostCosts measure(GatewayProcess gateway, String connectionId, int calls) throws Exception {
        URI post = URI.create(gateway.callbackUrl() + "/@connections/" + connectionId);
        AwsV4HttpSigner signer = AwsV4HttpSigner.create();
        AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(post).build();
        double sign = median(calls, () -> {
            long start = System.nanoTime();
            signer.sign(signing -> signing.identity(identity).request(request).payload(ContentStreamProvider.fromByteArray(DATA))
                    .putProperty(AwsV4HttpSigner.REGION_NAME, LocalAccount.REGION)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api"));
            return System.nanoTime() - start;
        });
        double raw = median(calls, () -> {
            long start = System.nanoTime();
            try {
                HttpURLConnection connection = (HttpURLConnection) post.toURL().openConnection();
                connection.setReadTimeout(READ_TIMEOUT_MILLIS);
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID + "/bench");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(DATA);
                }
                if (connection.getResponseCode() != 200) {
                    throw new IllegalStateException("POST answered " + connection.getResponseCode());
                }
                connection.getInputStream().readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        });
        double streamed = median(calls, () -> {
            long start = System.nanoTime();
            try {
                HttpURLConnection connection = (HttpURLConnection) post.toURL().openConnection();
                connection.setReadTimeout(READ_TIMEOUT_MILLIS);
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(DATA.length);
                connection.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID + "/bench");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(DATA);
                }
                if (connection.getResponseCode() != 200) {
                    throw new IllegalStateException("POST answered " + connection.getResponseCode());
                }
                connection.getInputStream().readAllBytes();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return System.nanoTime() - start;
        });
        double sdkStreamed = sdkPostMedian(gateway, connectionId, calls, false);
        double sdk = sdkPostMedian(gateway, connectionId, calls, true);
        return new PostCosts(sign, raw, streamed, sdkStreamed, sdk);
    }

    /** @param inOnePiece with the generated projects' interceptor, which leaves a request's length to the JDK */
    private static double sdkPostMedian(GatewayProcess gateway, String connectionId, int calls, boolean inOnePiece) {
        try (ApiGatewayManagementApiClient client = ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create(gateway.callbackUrl()))
                .region(Region.of(LocalAccount.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(override -> {
                    if (inOnePiece) {
                        override.addExecutionInterceptor(new RequestInOnePiece());
                    }
                })
                .build()) {
            return median(calls, () -> {
                long start = System.nanoTime();
                client.postToConnection(call -> call.connectionId(connectionId).data(SdkBytes.fromByteArray(DATA)));
                return System.nanoTime() - start;
            });
        }
    }

    /** The generated {@code AwsClients}' interceptor, as it is there: the length taken off before signing. */
    private static final class RequestInOnePiece implements ExecutionInterceptor {

        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest request, ExecutionAttributes attributes) {
            return request.httpRequest().toBuilder().removeHeader("Content-Length").build();
        }
    }

    /** The median of {@code calls} timed calls, after as many untimed ones to warm up. */
    private static double median(int calls, LongSupplier call) {
        for (int i = 0; i < calls; i++) {
            call.getAsLong();
        }
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            micros.add(call.getAsLong() / 1e3);
        }
        return Benchmark.median(micros);
    }
}
