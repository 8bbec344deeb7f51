package bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What the measured handlers talk to: a Management API endpoint that accepts every post, and DynamoDB Local. */
final class LocalAws implements AutoCloseable {

    static final String TABLE = "connections";

    private final HttpServer managementApi;
    private final DynamoDBProxyServer dynamoDb;
    private final int dynamoDbPort;

    LocalAws() throws Exception {
        managementApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        managementApi.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        managementApi.start();

        try (ServerSocket socket = new ServerSocket(0)) {
            dynamoDbPort = socket.getLocalPort();
        }
        dynamoDb = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(dynamoDbPort)});
        dynamoDb.start();
        try (DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(dynamoDbEndpoint()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH", "bench")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            client.createTable(request -> request.tableName(TABLE)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("connectionId").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("connectionId").keyType(KeyType.HASH).build()));
        }
    }

    String callbackUrl() {
        return "http://localhost:" + managementApi.getAddress().getPort() + "/prod";
    }

    String dynamoDbEndpoint() {
        return "http://localhost:" + dynamoDbPort;
    }

    @Override
    public void close() throws Exception {
        managementApi.stop(0);
        dynamoDb.stop();
    }
}
