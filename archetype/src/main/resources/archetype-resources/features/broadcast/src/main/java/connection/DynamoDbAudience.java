package ${package}.connection;

import static ${package}.connection.DynamoDbConnectionStore.CONNECTION_ID;
import static ${package}.connection.DynamoDbConnectionStore.EXPIRES_AT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The audience in {@link DynamoDbConnectionStore}'s table: scans that skip items past their expiry
 * (DynamoDB deletes expired items eventually, not at once), and each connection's last broadcast.
 */
public final class DynamoDbAudience implements Audience {

    private static final String LAST_BROADCAST_AT = "lastBroadcastAt";
    /** Scan segments read in parallel when every connection is needed. */
    static final int SCAN_SEGMENTS = 4;

    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final Clock clock;

    public DynamoDbAudience(DynamoDbClient dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    @Override
    public List<String> firstIds(int limit) {
        return dynamoDb.scanPaginator(request -> openConnections(request).projectionExpression("#id")
                        .expressionAttributeNames(Map.of("#id", CONNECTION_ID, "#expiresAt", EXPIRES_AT)))
                .items()
                .stream()
                .limit(limit)
                .map(item -> item.get(CONNECTION_ID).s())
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
                    .key(Map.of(CONNECTION_ID, AttributeValue.fromS(connectionId)))
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
                .expressionAttributeValues(Map.of(":now", number(clock.instant().getEpochSecond())));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
