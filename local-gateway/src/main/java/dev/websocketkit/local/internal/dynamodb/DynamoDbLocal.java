// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.dynamodb;

import static dev.websocketkit.local.internal.template.TemplateDocument.listOrSingleton;
import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;

import dev.websocketkit.local.internal.account.LocalAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * DynamoDB Local, embedded in this JVM and reached over HTTP like the real service, on a loopback
 * port only. One server serves the whole JVM (every gateway and every test); each caller gets tables
 * of its own, created from a template's definitions, so callers do not see each other's items.
 * Telemetry is never configured, so DynamoDB Local sends nothing anywhere.
 */
public final class DynamoDbLocal {

    private static final String SERVER_PACKAGE = "com.amazonaws.services.dynamodbv2.local.server.";

    private static ClassLoader serverClasses = DynamoDbLocal.class.getClassLoader();
    private static URI endpoint;
    private static CompletableFuture<Void> started;
    private static DynamoDbClient client;

    private DynamoDbLocal() {
    }

    /**
     * The endpoint, {@code http://127.0.0.1:<port>}. On first use the port is bound at once and the
     * server starts in the background; requests made meanwhile wait in the port's backlog.
     */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /**
     * Loads DynamoDB Local's own classes from {@code classes} instead of this class's loader. The
     * Maven plugin keeps DynamoDB Local's jar off the gateway JVM's class path: the jar's manifest
     * adds a directory to it, and the JVM keeps no class-data archive for a class path with one.
     */
    public static synchronized void loadServerFrom(ClassLoader classes) {
        if (endpoint != null) {
            throw new IllegalStateException("DynamoDB Local has started already, with the classes of " + serverClasses);
        }
        serverClasses = classes;
    }

    /** Waits until the server has started; fails if it did not. */
    public static void awaitStarted() {
        endpoint();
        started.join();
    }

    /** A client of the local account for the embedded server. */
    public static synchronized DynamoDbClient client() {
        awaitStarted();
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(endpoint())
                    .region(Region.of(LocalAccount.REGION))
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(LocalAccount.ACCESS_KEY_ID, LocalAccount.SECRET_ACCESS_KEY)))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /**
     * Creates a table from the properties of an {@code AWS::DynamoDB::Table} (attribute definitions
     * and key schema; on-demand) under a new unique name, and returns the name.
     */
    public static String createTable(Map<String, Object> properties) {
        String tableName = newTableName();
        createTable(tableName, properties);
        return tableName;
    }

    /** A name no table of this server has. */
    public static String newTableName() {
        return "table-" + UUID.randomUUID();
    }

    /** Creates a table named {@code tableName} from the properties of an {@code AWS::DynamoDB::Table}. */
    public static void createTable(String tableName, Map<String, Object> properties) {
        awaitStarted();
        List<AttributeDefinition> attributes = listOrSingleton(properties.get("AttributeDefinitions")).stream()
                .map(attribute -> AttributeDefinition.builder()
                        .attributeName((String) mapOrEmpty(attribute).get("AttributeName"))
                        .attributeType((String) mapOrEmpty(attribute).get("AttributeType"))
                        .build())
                .toList();
        List<KeySchemaElement> keys = listOrSingleton(properties.get("KeySchema")).stream()
                .map(key -> KeySchemaElement.builder()
                        .attributeName((String) mapOrEmpty(key).get("AttributeName"))
                        .keyType((String) mapOrEmpty(key).get("KeyType"))
                        .build())
                .toList();
        client().createTable(request -> request.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys));
    }

    private static URI start() {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("dynamodb-local");
        // As in the gateway's own pool: each request goes to the pool once, instead of first looking
        // for a reserved thread to take over the selector, which a busy laptop seldom has.
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local found no free port", e);
        }
        server.addConnector(connector);
        started = CompletableFuture.runAsync(() -> {
            try {
                server.setHandler(requestHandler(serverClasses));
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "dynamodb-local-stop"));
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start", e);
            }
        });
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /**
     * DynamoDB Local's handler of requests, in memory and with one database for every account and
     * region; looked up by name, since its classes may come from a class loader of their own.
     */
    private static Handler requestHandler(ClassLoader classes) throws ReflectiveOperationException {
        Class<?> requestHandler = classes.loadClass(SERVER_PACKAGE + "LocalDynamoDBRequestHandler");
        Class<?> serverHandler = classes.loadClass(SERVER_PACKAGE + "AbstractLocalDynamoDBServerHandler");
        // port (none: Jetty here listens), in memory, no database file, one database shared by all, no delayed statuses
        Object requests = requestHandler.getConstructor(int.class, boolean.class, String.class, boolean.class, boolean.class)
                .newInstance(0, true, null, true, false);
        Object handler = classes.loadClass(SERVER_PACKAGE + "LocalDynamoDBServerHandler")
                .getConstructor(classes.loadClass(SERVER_PACKAGE + "DynamoDBRequestHandler"), String.class)
                .newInstance(requests, null);
        Class<?> proxyServer = classes.loadClass(SERVER_PACKAGE + "DynamoDBProxyServer");
        Object proxy = proxyServer.getConstructor(int.class, serverHandler).newInstance(0, handler);
        return (Handler) proxyServer.getMethod("setUpHandler", serverHandler).invoke(proxy, handler);
    }

    private static void stop(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; nothing is left to clean up.
        }
    }
}
