package ${package}.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.support.TestConnectionStores;
import dev.websocketkit.local.testing.LocalAws;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against DynamoDB Local, with connections the project's store wrote to a table shaped like template.yaml's. */
class DynamoDbAudienceTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private DynamoDbConnectionStore store;
    private DynamoDbAudience audience;

    @BeforeEach
    void createTable() {
        String tableName = TestConnectionStores.newTable();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        store = new DynamoDbConnectionStore(LocalAws.dynamoDb(), tableName, clock);
        audience = new DynamoDbAudience(LocalAws.dynamoDb(), tableName, clock);
    }

    @Test
    void leavesOutConnectionsPastTheirExpiryBeforeDynamoDbDeletesThem() {
        store.save(new Connection("stale=", NOW.minus(DynamoDbConnectionStore.TIME_TO_LIVE).minusSeconds(1), null, null));
        store.save(new Connection("fresh=", NOW.minusSeconds(5), null, null));

        assertEquals(List.of("fresh="), audience.firstIds(Integer.MAX_VALUE));
    }

    @Test
    void findsEveryConnectionAcrossScanPages() {
        String padding = "x".repeat(4_000);
        Set<String> ids = IntStream.range(0, 400).mapToObj(i -> "conn-" + i + "=").collect(Collectors.toSet());
        // Items of ~4 KB make the 1 MB scan page limit split the result into several pages.
        ids.forEach(id -> store.save(new Connection(id, NOW, padding, null)));

        assertEquals(ids, Set.copyOf(audience.firstIds(Integer.MAX_VALUE)));
    }

    @Test
    void readsTheFirstIdsUpToALimit() {
        IntStream.range(0, 10).forEach(i -> store.save(new Connection("conn-" + i + "=", NOW, null, null)));

        assertEquals(3, audience.firstIds(3).size());
        assertEquals(10, audience.firstIds(11).size());
    }

    @Test
    void handsOverTheIdsOfEveryOpenConnectionInPagesFromParallelSegments() {
        Set<String> ids = IntStream.range(0, 1_000).mapToObj(i -> "conn-" + i + "=").collect(Collectors.toSet());
        ids.forEach(id -> store.save(new Connection(id, NOW, null, null)));
        store.save(new Connection("stale=", NOW.minus(DynamoDbConnectionStore.TIME_TO_LIVE).minusSeconds(1), null, null));
        List<List<String>> pages = new CopyOnWriteArrayList<>();
        Set<String> threads = ConcurrentHashMap.newKeySet();

        audience.forEachPageOfIds(100, page -> {
            pages.add(page);
            threads.add(Thread.currentThread().getName());
        });

        assertEquals(ids, pages.stream().flatMap(List::stream).collect(Collectors.toSet()));
        assertEquals(1_000, pages.stream().mapToInt(List::size).sum(), "each id once");
        assertTrue(pages.stream().allMatch(page -> page.size() <= 100), "pages of at most 100");
        assertEquals(DynamoDbAudience.SCAN_SEGMENTS, threads.size(), "one thread per scan segment");
    }

    @Test
    void grantsABroadcastOnceAnIntervalPerConnection() {
        store.save(new Connection("conn-1=", NOW, null, null));
        store.save(new Connection("conn-2=", NOW, null, null));
        Duration interval = Duration.ofSeconds(10);

        assertTrue(audience.claimBroadcast("conn-1=", NOW, interval));
        assertFalse(audience.claimBroadcast("conn-1=", NOW.plusSeconds(9), interval));
        assertTrue(audience.claimBroadcast("conn-2=", NOW.plusSeconds(9), interval), "per connection");
        assertTrue(audience.claimBroadcast("conn-1=", NOW.plusSeconds(10), interval));
        assertFalse(audience.claimBroadcast("never-connected=", NOW, interval), "no item is created for an unknown id");
        assertEquals(2, audience.firstIds(Integer.MAX_VALUE).size());
    }
}
