package com.example.connection;

import com.example.aws.AwsClients;
import com.example.aws.Environment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Connections in a DynamoDB table keyed by {@code connectionId}.
 *
 * <p>Every item carries an {@code expiresAt} attribute (epoch seconds) that the table's time to
 * live deletes: API Gateway closes a connection after two hours at most, so an item whose
 * {@code $disconnect} never ran cannot outlive it by long.
 */
public final class DynamoDbConnectionStore implements ConnectionStore {

    public static final String TABLE_VARIABLE = "CONNECTIONS_TABLE";

    /** API Gateway's two-hour connection limit, plus a margin for clock skew. */
    static final Duration TIME_TO_LIVE = Duration.ofHours(2).plusMinutes(15);

    private static final String CONNECTION_ID = "connectionId";
    private static final String CONNECTED_AT = "connectedAt";
    private static final String SOURCE_IP = "sourceIp";
    private static final String PRINCIPAL = "principal";
    private static final String EXPIRES_AT = "expiresAt";
    private static final String LAST_BROADCAST_AT = "lastBroadcastAt";
    /** Scan segments read in parallel when every connection is needed. */
    static final int SCAN_SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbConnectionStore(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** The table {@code CONNECTIONS_TABLE} names, through a client configured by {@link AwsClients}. */
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
        Connection sample = new Connection("priming", clock.instant(), "192.0.2.1", "priming");
        toConnection(putRequest(sample).item());
        deleteRequest(sample.connectionId());
    }

    private PutItemRequest putRequest(Connection connection) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(CONNECTION_ID, string(connection.connectionId()));
        item.put(CONNECTED_AT, string(connection.connectedAt().toString()));
        item.put(EXPIRES_AT, number(connection.connectedAt().plus(TIME_TO_LIVE).getEpochSecond()));
        if (connection.sourceIp() != null) {
            item.put(SOURCE_IP, string(connection.sourceIp()));
        }
        if (connection.principal() != null) {
            item.put(PRINCIPAL, string(connection.principal()));
        }
        return PutItemRequest.builder().tableName(tableName).item(item).build();
    }

    private DeleteItemRequest deleteRequest(String connectionId) {
        return DeleteItemRequest.builder().tableName(tableName).key(Map.of(CONNECTION_ID, string(connectionId))).build();
    }

    /** Skips items past their expiry: DynamoDB deletes expired items eventually, not at once. */
    @Override
    public List<Connection> firstConnections(int limit) {
        return dynamoDb.scanPaginator(this::openConnections)
                .items()
                .stream()
                .limit(limit)
                .map(DynamoDbConnectionStore::toConnection)
                .toList();
    }

    /** A parallel scan of {@link #SCAN_SEGMENTS} segments, each on a thread of its own, reading ids only. */
    @Override
    public void forEachPageOfIds(int pageSize, Consumer<List<String>> pages) {
        ExecutorService scanners = Executors.newFixedThreadPool(SCAN_SEGMENTS);
        try {
            List<Future<?>> segments = new ArrayList<>();
            for (int segment = 0; segment < SCAN_SEGMENTS; segment++) {
                int current = segment;
                segments.add(scanners.submit(() -> scanSegment(current, pageSize, pages)));
            }
            for (Future<?> segment : segments) {
                segment.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the connections", e);
        } finally {
            scanners.shutdownNow();
        }
    }

    @Override
    public boolean claimBroadcast(String connectionId, Instant now, Duration interval) {
        try {
            dynamoDb.updateItem(request -> request.tableName(tableName)
                    .key(Map.of(CONNECTION_ID, string(connectionId)))
                    .updateExpression("SET #last = :now")
                    .conditionExpression("attribute_exists(#id) AND (attribute_not_exists(#last) OR #last <= :earliest)")
                    .expressionAttributeNames(Map.of("#id", CONNECTION_ID, "#last", LAST_BROADCAST_AT))
                    .expressionAttributeValues(Map.of(
                            ":now", number(now.toEpochMilli()),
                            ":earliest", number(now.minus(interval).toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private void scanSegment(int segment, int pageSize, Consumer<List<String>> pages) {
        List<String> page = new ArrayList<>(pageSize);
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(request -> openConnections(request)
                .segment(segment)
                .totalSegments(SCAN_SEGMENTS)
                .projectionExpression("#id")
                .expressionAttributeNames(Map.of("#id", CONNECTION_ID, "#expiresAt", EXPIRES_AT))).items()) {
            page.add(item.get(CONNECTION_ID).s());
            if (page.size() == pageSize) {
                pages.accept(List.copyOf(page));
                page.clear();
            }
        }
        if (!page.isEmpty()) {
            pages.accept(List.copyOf(page));
        }
    }

    private ScanRequest.Builder openConnections(ScanRequest.Builder request) {
        return request.tableName(tableName)
                .filterExpression("#expiresAt > :now")
                .expressionAttributeNames(Map.of("#expiresAt", EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", number(clock.instant().getEpochSecond())));
    }

    private static Connection toConnection(Map<String, AttributeValue> item) {
        return new Connection(
                item.get(CONNECTION_ID).s(),
                Instant.parse(item.get(CONNECTED_AT).s()),
                optionalString(item.get(SOURCE_IP)),
                optionalString(item.get(PRINCIPAL)));
    }

    private static AttributeValue string(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String optionalString(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
