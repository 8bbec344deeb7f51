package ${package}.support;

import ${package}.template.SamTemplate;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * DynamoDB Local, embedded in the test JVM and reached over HTTP like the real service. One server
 * serves the whole test run (and the local gateway); each caller gets a table of its own, created
 * from a definition in template.yaml, so tests do not see each other's connections.
 */
public final class DynamoDbLocal {

    private static String endpoint;
    private static DynamoDbClient client;

    private DynamoDbLocal() {
    }

    public static synchronized String endpoint() {
        if (endpoint == null) {
            int port = freePort();
            start(port);
            endpoint = "http://localhost:" + port;
        }
        return endpoint;
    }

    public static synchronized DynamoDbClient client() {
        if (client == null) {
            client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return client;
    }

    /** Creates a table shaped like template.yaml's {@code ConnectionsTable} and returns its name. */
    public static String createConnectionsTable() {
        return createTable(SamTemplate.properties(SamTemplate.mapOrEmpty(SamTemplate.ofProject().resources().get("ConnectionsTable"))));
    }

    /** Creates a table from the properties of an {@code AWS::DynamoDB::Table} and returns its name. */
    public static String createTable(Map<String, Object> properties) {
        String tableName = "table-" + UUID.randomUUID();
        List<AttributeDefinition> attributes = SamTemplate.listOrSingleton(properties.get("AttributeDefinitions")).stream()
                .map(SamTemplate::mapOrEmpty)
                .map(attribute -> AttributeDefinition.builder()
                        .attributeName((String) attribute.get("AttributeName"))
                        .attributeType((String) attribute.get("AttributeType"))
                        .build())
                .toList();
        List<KeySchemaElement> keys = SamTemplate.listOrSingleton(properties.get("KeySchema")).stream()
                .map(SamTemplate::mapOrEmpty)
                .map(key -> KeySchemaElement.builder()
                        .attributeName((String) key.get("AttributeName"))
                        .keyType((String) key.get("KeyType"))
                        .build())
                .toList();
        client().createTable(request -> request.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keys));
        return tableName;
    }

    private static void start(int port) {
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server)));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
        }
    }

    private static void stop(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; nothing is left to clean up.
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
