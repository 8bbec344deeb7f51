package ${package}.connection;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections in this JVM's memory.
 *
 * <p>Lambda execution environments share no memory: on AWS each function instance sees only the
 * connections it registered itself. That is enough for echo, local runs and workshops; broadcast
 * in production needs the DynamoDB store.
 */
public final class InMemoryConnectionStore implements ConnectionStore {

    private static final InMemoryConnectionStore SHARED = new InMemoryConnectionStore();

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    /** The store every handler in this JVM uses. */
    public static InMemoryConnectionStore shared() {
        return SHARED;
    }

    @Override
    public void save(Connection connection) {
        connections.put(connection.connectionId(), connection);
    }

    @Override
    public void remove(String connectionId) {
        connections.remove(connectionId);
    }

    @Override
    public List<Connection> findAll() {
        return List.copyOf(connections.values());
    }
}
