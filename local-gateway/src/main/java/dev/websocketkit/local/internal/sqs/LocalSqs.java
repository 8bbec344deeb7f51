// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import com.typesafe.config.Config;
import dev.websocketkit.local.internal.account.LocalAccount;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.ActorSystem;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ, an SQS-compatible server, embedded in this JVM and reached over HTTP with the SQS JSON
 * protocol like the real service, on a loopback port only. One server serves the whole JVM (every
 * gateway and every test); each caller creates queues of its own under unique names. Queue URLs
 * are {@code http://127.0.0.1:<port>/123456789012/<name>}, ARNs those of the local account.
 *
 * <p>ElasticMQ runs on Pekko, and both log through SLF4J. Pekko publishes warnings only (ElasticMQ's
 * {@code application.conf} asks for DEBUG); when the JVM logs through {@code jetty-slf4j-impl}, as
 * {@code websocket-local:run}'s does, the gateway's {@code jetty-logging.properties} sets ElasticMQ's
 * loggers, and the one Pekko reports its own start with, to WARN.
 */
public final class LocalSqs {

    private static final String HOST = "127.0.0.1";
    private static final Config PEKKO = ConfigFactory.parseMap(Map.of(
            "pekko.loglevel", "WARNING",
            // Pekko's threads must not keep alive a JVM whose work is done, such as a test run.
            "pekko.daemonic", "on",
            // Its timer ticks a hundred times a second by default, busy or not; ten is plenty for long polls and visibility timeouts.
            "pekko.scheduler.tick-duration", "100ms"));

    private static URI endpoint;
    private static CompletableFuture<Void> started;
    private static SqsClient client;

    private LocalSqs() {
    }

    /**
     * The endpoint, {@code http://127.0.0.1:<port>}. On first use a free port is chosen at once and
     * ElasticMQ starts on it in the background (it takes a second or two); {@link #awaitStarted()},
     * {@link #client()} and {@link #createQueue} wait for it.
     */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            int port = freePort();
            started = CompletableFuture.runAsync(() -> start(port), task -> {
                Thread thread = new Thread(task, "local-sqs-start");
                thread.setDaemon(true);
                thread.start();
            });
            endpoint = URI.create("http://" + HOST + ":" + port);
        }
        return endpoint;
    }

    /** Waits until the server has started; fails if it did not. */
    public static void awaitStarted() {
        endpoint();
        started.join();
    }

    /** A client of the local account for the embedded server, once it has started. */
    public static SqsClient client() {
        awaitStarted(); // without holding the lock, which endpoint() needs meanwhile
        synchronized (LocalSqs.class) {
            if (client == null) {
                client = SqsClient.builder()
                        .endpointOverride(endpoint())
                        .region(Region.of(LocalAccount.REGION))
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY)))
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
            }
            return client;
        }
    }

    /** A name no queue of this server has: the prefix (letters, digits, hyphens, underscores), cut to fit SQS's 80 characters, and a random part. */
    public static String newQueueName(String prefix) {
        String unique = "-" + UUID.randomUUID();
        return prefix.substring(0, Math.min(prefix.length(), 80 - unique.length())) + unique;
    }

    /** The URL of the queue named {@code queueName}, as {@code CreateQueue} returns it. */
    public static String queueUrl(String queueName) {
        return endpoint() + "/" + LocalAccount.ACCOUNT_ID + "/" + queueName;
    }

    /** The ARN of the queue named {@code queueName} in the local account. */
    public static String queueArn(String queueName) {
        return "arn:" + LocalAccount.PARTITION + ":sqs:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID + ":" + queueName;
    }

    /**
     * Creates a standard queue named {@code name} from the properties of an {@code AWS::SQS::Queue},
     * intrinsic functions resolved ({@code VisibilityTimeout}, {@code DelaySeconds},
     * {@code ReceiveMessageWaitTimeSeconds}, {@code RedrivePolicy}; its dead-letter queue must exist),
     * and returns its URL.
     *
     * @throws IllegalArgumentException for a FIFO queue
     */
    public static String createQueue(String name, Map<String, Object> cloudFormationProperties) {
        Map<String, String> attributes = QueueAttributes.of(name, cloudFormationProperties);
        return client().createQueue(request -> request.queueName(name).attributesWithStrings(attributes)).queueUrl();
    }

    private static void start(int port) {
        try {
            ClassLoader classes = LocalSqs.class.getClassLoader();
            SQSRestServerBuilder.withActorSystem(ActorSystem.create("local-sqs", PEKKO.withFallback(ConfigFactory.load(classes)), classes))
                    .withInterface(HOST)
                    .withPort(port)
                    .withServerAddress(new NodeAddress("http", HOST, port, ""))
                    .withAWSRegion(LocalAccount.REGION)
                    .withAWSAccountId(LocalAccount.ACCOUNT_ID)
                    .start()
                    .waitUntilStarted();
        } catch (RuntimeException e) {
            throw new IllegalStateException("ElasticMQ did not start on " + HOST + ":" + port, e);
        }
    }

    /** A port free now. ElasticMQ binds it itself once started, so another process could take it first; ports are plenty, and it fails loudly then. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("ElasticMQ found no free port", e);
        }
    }
}
