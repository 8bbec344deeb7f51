package com.example.connection;

import com.example.aws.AwsClients;
import com.example.aws.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Connections in a DynamoDB table keyed by {@code connectionId}, each with an {@code expiresAt} (epoch
 * seconds) for the table's time to live: an item whose {@code $disconnect} never ran goes soon after
 * API Gateway's two-hour limit.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {

    public static final String TABLE_VARIABLE = "CONNECTIONS_TABLE";

    /** API Gateway's two-hour connection limit, plus a margin for clock skew. */
    static final Duration TIME_TO_LIVE = Duration.ofHours(2).plusMinutes(15);

    static final String CONNECTION_ID = "connectionId";
    static final String EXPIRES_AT = "expiresAt";

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbConnectionStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    public static DynamoDbConnectionStore fromEnvironment() {
        return new DynamoDbConnectionStore(AwsClients.configure(DynamoDbClient.builder()).build(),
                Environment.require(TABLE_VARIABLE), Clock.systemUTC());
    }

    @Override
    public void save(Connection connection) {
        dynamoDb.putItem(putRequest(connection));
    }

    @Override
    public void remove(String connectionId) {
        dynamoDb.deleteItem(deleteRequest(connectionId));
    }

    @Override
    public void prime() {
        putRequest(new Connection("priming", clock.instant(), "192.0.2.1", "priming"));
        deleteRequest("priming");
    }

    private PutItemRequest putRequest(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CONNECTION_ID, AttributeValue.fromS(connection.connectionId()));
        item.put("connectedAt", AttributeValue.fromS(connection.connectedAt().toString()));
        item.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(connection.connectedAt().plus(TIME_TO_LIVE).getEpochSecond())));
        if (connection.sourceIp() != null) {
            item.put("sourceIp", AttributeValue.fromS(connection.sourceIp()));
        }
        if (connection.principal() != null) {
            item.put("principal", AttributeValue.fromS(connection.principal()));
        }
        return PutItemRequest.builder().tableName(tableName).item(item).build();
    }

    private DeleteItemRequest deleteRequest(String connectionId) {
        return DeleteItemRequest.builder().tableName(tableName).key(Map.of(CONNECTION_ID, AttributeValue.fromS(connectionId))).build();
    }
}
