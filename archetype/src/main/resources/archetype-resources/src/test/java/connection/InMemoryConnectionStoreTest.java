package ${package}.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryConnectionStoreTest {

    private final InMemoryConnectionStore store = new InMemoryConnectionStore();

    @Test
    void savesFindsAndReplacesConnections() {
        Connection first = new Connection("conn-1=", Instant.parse("2026-01-15T10:00:00Z"), "198.51.100.1", null);
        Connection again = new Connection("conn-1=", Instant.parse("2026-01-15T10:05:00Z"), "198.51.100.2", "user-1");

        store.save(first);
        store.save(again);

        assertEquals(List.of(again), store.findAll());
    }

    @Test
    void removesConnectionsAndAcceptsUnknownIds() {
        store.save(new Connection("conn-1=", Instant.now(), null, null));

        store.remove("conn-1=");
        store.remove("never-seen=");

        assertEquals(List.of(), store.findAll());
    }

    @Test
    void everyHandlerOfTheJvmSharesOneStore() {
        assertSame(InMemoryConnectionStore.shared(), ConnectionStore.fromEnvironment(null));
    }
}
