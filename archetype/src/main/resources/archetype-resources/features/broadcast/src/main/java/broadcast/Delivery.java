package ${package}.broadcast;

import ${package}.messaging.ConnectionMessenger;
import ${package}.observability.Log;
import ${package}.observability.Measurements;
import ${package}.observability.Metric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Posts one piece of data to many connections, {@link #MAX_IN_FLIGHT} at a time. A connection that
 * fails does not hold up the others; posts that would start after the deadline are not started, so
 * that the caller can hand them on before its function times out.
 */
public final class Delivery {

    /** Posts in flight at once: enough to overlap round trips, few enough to stay under API Gateway's limits. */
    static final int MAX_IN_FLIGHT = 16;

    /** A post to a connection that reached it. */
    static final Metric DELIVERIES = Metric.count("Deliveries");
    /** A post answered 410 Gone: the connection was removed. */
    static final Metric GONE_CONNECTIONS = Metric.count("GoneConnections");
    /** A post that failed, retries included. */
    static final Metric FAILED_POSTS = Metric.count("FailedPosts");
    /** How long a broadcast function or worker took to post what it posted. */
    public static final Metric BROADCAST_DURATION = new Metric("BroadcastDuration", "Milliseconds");

    /**
     * What became of each connection.
     *
     * @param delivered posted
     * @param gone API Gateway answered 410: the client has left
     * @param failed the post failed otherwise, retries included
     * @param notAttempted the deadline came first
     */
    public record Outcome(List<String> delivered, List<String> gone, List<String> failed, List<String> notAttempted) {

        public Outcome {
            delivered = List.copyOf(delivered);
            gone = List.copyOf(gone);
            failed = List.copyOf(failed);
            notAttempted = List.copyOf(notAttempted);
        }

        /** Adds how many were delivered, gone and failed to an invocation's figures. */
        public Measurements addTo(Measurements measurements) {
            return measurements.add(DELIVERIES, delivered.size()).add(GONE_CONNECTIONS, gone.size()).add(FAILED_POSTS, failed.size());
        }

        /** The connections still to reach: those that failed and those not tried. */
        public List<String> unreached() {
            List<String> unreached = new ArrayList<>(failed);
            unreached.addAll(notAttempted);
            return unreached;
        }
    }

    private enum Result { DELIVERED, GONE, FAILED, NOT_ATTEMPTED }

    private final ConnectionMessenger messenger;
    private final ExecutorService posters = Executors.newFixedThreadPool(MAX_IN_FLIGHT, runnable -> {
        Thread thread = new Thread(runnable, "broadcast-poster");
        thread.setDaemon(true);
        return thread;
    });

    public Delivery(ConnectionMessenger messenger) {
        this.messenger = messenger;
    }

    public Outcome deliver(List<String> connectionIds, String data, Instant deadline, Log log) {
        List<Callable<Result>> posts = connectionIds.stream()
                .map(connectionId -> (Callable<Result>) () -> post(connectionId, data, deadline, log))
                .toList();
        List<Future<Result>> results;
        try {
            results = posters.invokeAll(posts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting a broadcast", e);
        }
        Map<Result, List<String>> byResult = new EnumMap<>(Result.class);
        for (Result result : Result.values()) {
            byResult.put(result, new ArrayList<>());
        }
        for (int i = 0; i < connectionIds.size(); i++) {
            byResult.get(resultOf(results.get(i))).add(connectionIds.get(i));
        }
        return new Outcome(byResult.get(Result.DELIVERED), byResult.get(Result.GONE), byResult.get(Result.FAILED),
                byResult.get(Result.NOT_ATTEMPTED));
    }

    /** Runs the offline part of a post, for SnapStart. */
    public void prime() {
        messenger.prime();
    }

    private Result post(String connectionId, String data, Instant deadline, Log log) {
        if (Instant.now().isAfter(deadline)) {
            return Result.NOT_ATTEMPTED;
        }
        try {
            return messenger.send(connectionId, data) ? Result.DELIVERED : Result.GONE;
        } catch (SdkException e) {
            log.with("connectionId", connectionId).with("error", e.getMessage()).warn("A post failed");
            return Result.FAILED;
        }
    }

    private static Result resultOf(Future<Result> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            return Result.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.FAILED;
        }
    }
}
