package com.example.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.support.TestConnectionStores;
import dev.websocketkit.local.testing.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
        store = new DynamoDbConnectionStore(LocalAws.dynamoDb(), tableName, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void savesAndFindsConnectionsWithAndWithoutOptionalFields() {
        Connection full = new Connection("conn-1=", NOW.minusSeconds(60), "198.51.100.1", "user-1");
        Connection bare = new Connection("conn-2=", NOW.minusSeconds(30), null, null);

        store.save(full);
        store.save(bare);

        assertEquals(Set.of(full, bare), new HashSet<>(store.firstConnections(Integer.MAX_VALUE)));
    }

    @Test
    void writesAnExpiryThatTheTableTtlDeletes() {
        store.save(new Connection("conn-1=", NOW, "198.51.100.1", null));

        Map<String, AttributeValue> item = LocalAws.dynamoDb()
                .getItem(request -> request.tableName(tableName).key(Map.of("connectionId", AttributeValue.fromS("conn-1="))))
                .item();
        assertEquals(Long.toString(NOW.plus(DynamoDbConnectionStore.TIME_TO_LIVE).getEpochSecond()), item.get("expiresAt").n());
    }

    @Test
    void leavesOutConnectionsPastTheirExpiryBeforeDynamoDbDeletesThem() {
        store.save(new Connection("stale=", NOW.minus(DynamoDbConnectionStore.TIME_TO_LIVE).minusSeconds(1), null, null));
        store.save(new Connection("fresh=", NOW.minusSeconds(5), null, null));

        assertEquals(List.of("fresh="), store.firstConnections(Integer.MAX_VALUE).stream().map(Connection::connectionId).toList());
    }

    @Test
    void removesConnectionsAndAcceptsUnknownIds() {
        store.save(new Connection("conn-1=", NOW, null, null));

        store.remove("conn-1=");
        store.remove("never-seen=");

        assertEquals(List.of(), store.firstConnections(Integer.MAX_VALUE));
    }

    @Test
    void findsEveryConnectionAcrossScanPages() {
        String padding = "x".repeat(4_000);
        Set<String> ids = IntStream.range(0, 400).mapToObj(i -> "conn-" + i + "=").collect(Collectors.toSet());
        // Items of ~4 KB make the 1 MB scan page limit split the result into several pages.
        ids.forEach(id -> store.save(new Connection(id, NOW, padding, null)));

        assertEquals(ids, store.firstConnections(Integer.MAX_VALUE).stream().map(Connection::connectionId).collect(Collectors.toSet()));
    }

    @Test
    void readsTheFirstConnectionsUpToALimit() {
        IntStream.range(0, 10).forEach(i -> store.save(new Connection("conn-" + i + "=", NOW, null, null)));

        assertEquals(3, store.firstConnections(3).size());
        assertEquals(10, store.firstConnections(11).size());
    }

    @Test
    void handsOverTheIdsOfEveryOpenConnectionInPagesFromParallelSegments() {
        Set<String> ids = IntStream.range(0, 1_000).mapToObj(i -> "conn-" + i + "=").collect(Collectors.toSet());
        ids.forEach(id -> store.save(new Connection(id, NOW, null, null)));
        store.save(new Connection("stale=", NOW.minus(DynamoDbConnectionStore.TIME_TO_LIVE).minusSeconds(1), null, null));
        List<List<String>> pages = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        store.forEachPageOfIds(100, page -> {
            pages.add(page);
            threads.add(Thread.currentThread().getName());
        });

        assertEquals(ids, pages.stream().flatMap(List::stream).collect(Collectors.toSet()));
        assertEquals(1_000, pages.stream().mapToInt(List::size).sum(), "each id once");
        assertTrue(pages.stream().allMatch(page -> page.size() <= 100), "pages of at most 100");
        assertEquals(DynamoDbConnectionStore.SCAN_SEGMENTS, threads.size(), "one thread per scan segment");
    }

    @Test
    void grantsABroadcastOnceAnIntervalPerConnection() {
        store.save(new Connection("conn-1=", NOW, null, null));
        store.save(new Connection("conn-2=", NOW, null, null));
        Duration interval = Duration.ofSeconds(10);

        assertTrue(store.claimBroadcast("conn-1=", NOW, interval));
        assertFalse(store.claimBroadcast("conn-1=", NOW.plusSeconds(9), interval));
        assertTrue(store.claimBroadcast("conn-2=", NOW.plusSeconds(9), interval), "per connection");
        assertTrue(store.claimBroadcast("conn-1=", NOW.plusSeconds(10), interval));
        assertFalse(store.claimBroadcast("never-connected=", NOW, interval), "no item is created for an unknown id");
        assertEquals(2, store.firstConnections(Integer.MAX_VALUE).size());
    }
}
