package com.example.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.support.TestConnectionStores;
import dev.websocketkit.local.aws.DynamoDbLocal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against DynamoDB Local, with a table shaped like template.yaml's. */
class DynamoDbConnectionStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private String tableName;
    private DynamoDbConnectionStore store;

    @BeforeEach
    void createTable() {
        tableName = TestConnectionStores.newTable();
        store = new DynamoDbConnectionStore(DynamoDbLocal.client(), tableName, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void savesAndFindsConnectionsWithAndWithoutOptionalFields() {
        Connection full = new Connection("conn-1=", NOW.minusSeconds(60), "198.51.100.1", "user-1");
        Connection bare = new Connection("conn-2=", NOW.minusSeconds(30), null, null);

        store.save(full);
        store.save(bare);

        assertEquals(Set.of(full, bare), new HashSet<>(store.findAll()));
    }

    @Test
    void writesAnExpiryThatTheTableTtlDeletes() {
        store.save(new Connection("conn-1=", NOW, "198.51.100.1", null));

        Map<String, AttributeValue> item = DynamoDbLocal.client()
                .getItem(request -> request.tableName(tableName).key(Map.of("connectionId", AttributeValue.fromS("conn-1="))))
                .item();
        assertEquals(Long.toString(NOW.plus(DynamoDbConnectionStore.TIME_TO_LIVE).getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void leavesOutConnectionsPastTheirExpiryBeforeDynamoDbDeletesThem() {
        store.save(new Connection("stale=", NOW.minus(DynamoDbConnectionStore.TIME_TO_LIVE).minusSeconds(1), null, null));
        store.save(new Connection("fresh=", NOW.minusSeconds(5), null, null));

        assertEquals(List.of("fresh="), store.findAll().stream().map(Connection::connectionId).toList());
    }

    @Test
    void removesConnectionsAndAcceptsUnknownIds() {
        store.save(new Connection("conn-1=", NOW, null, null));

        store.remove("conn-1=");
        store.remove("never-seen=");

        assertEquals(List.of(), store.findAll());
    }

    @Test
    void findsEveryConnectionAcrossScanPages() {
        String padding = "x".repeat(4_000);
        Set<String> ids = IntStream.range(0, 400).mapToObj(i -> "conn-" + i + "=").collect(Collectors.toSet());
        // Items of ~4 KB make the 1 MB scan page limit split the result into several pages.
        ids.forEach(id -> store.save(new Connection(id, NOW, padding, null)));

        assertEquals(ids, store.findAll().stream().map(Connection::connectionId).collect(Collectors.toSet()));
    }
}
