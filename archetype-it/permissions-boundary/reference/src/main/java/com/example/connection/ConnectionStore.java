package com.example.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Where the API keeps track of its open connections. */
public interface ConnectionStore {

    /** Records a connection; saving the same id again replaces it. */
    void save(Connection connection);

    /** Forgets a connection. Removing an unknown id is not an error: disconnects can repeat. */
    void remove(String connectionId);

    /** Up to {@code limit} connections that may still be open, in no particular order. */
    List<Connection> firstConnections(int limit);

    /**
     * Hands the ids of every connection that may still be open to {@code pages}, {@code pageSize}
     * at a time. Large stores are read in parallel, so {@code pages} must be thread-safe.
     */
    void forEachPageOfIds(int pageSize, Consumer<List<String>> pages);

    /**
     * Claims the right to broadcast for a connection: granted when its last broadcast was at least
     * {@code interval} before {@code now}, which then becomes its last broadcast.
     */
    boolean claimBroadcast(String connectionId, Instant now, Duration interval);

    /** Runs the offline part of the store's work once, for SnapStart; nothing leaves the JVM. */
    default void prime() {
    }
}
