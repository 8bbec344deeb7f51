package ${package}.connection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The connections a broadcast goes to, read from the connection store. */
public interface Audience {

    /** Up to {@code limit} ids of connections that may still be open, in no particular order. */
    List<String> firstIds(int limit);

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
}
