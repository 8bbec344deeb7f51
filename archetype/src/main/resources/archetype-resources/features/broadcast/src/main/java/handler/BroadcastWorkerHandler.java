package ${package}.handler;

import ${package}.aws.SnapStartPriming;
import ${package}.broadcast.BroadcastPage;
import ${package}.broadcast.Delivery;
import ${package}.broadcast.FanOut;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
import ${package}.messaging.ConnectionMessenger;
import ${package}.observability.Log;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Posts the pages of a broadcast that fans out, from the broadcast queue.
 *
 * <p>Connections that are gone are removed from the store. Those that fail, or that the deadline
 * leaves out, are queued again as a page of their own, at most {@link #MAX_ATTEMPTS} times in all,
 * then kept in the dead-letter queue: only what failed is tried again. A page that cannot be read or
 * requeued is reported as a batch item failure, so SQS delivers it again, and after the queue's
 * receive limit moves it to the dead-letter queue.
 *
 * <p>Delivery is at least once for every connection that stays open: a page is redelivered whole
 * if its worker dies part-way, so a client may receive a broadcast twice, never zero times.
 */
public final class BroadcastWorkerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    static final int MAX_ATTEMPTS = 3;
    /** Connections a broadcast could not reach after every attempt, kept in the dead-letter queue. */
    static final Metric DEAD_LETTERED_CONNECTIONS = Metric.count("DeadLetteredConnections");
    /** Left for requeueing what is not posted yet, before the function times out. */
    static final Duration HAND_OVER_MARGIN = Duration.ofSeconds(3);

    private final ConnectionStore connections;
    private final Delivery delivery;
    private final FanOut fanOut;

    private final Metrics metrics;

    /** Lambda's constructor: the store, the Management API, the queues and the metrics namespace from the function's environment. */
    public BroadcastWorkerHandler() {
        this(DynamoDbConnectionStore.fromEnvironment(), ConnectionMessenger.fromEnvironment(), FanOut.fromEnvironment(),
                Metrics.fromEnvironment());
        SnapStartPriming.register(this::prime, ApiGatewayManagementApiClient.class, DynamoDbClient.class, SqsClient.class);
    }

    BroadcastWorkerHandler(ConnectionStore connections, ConnectionMessenger messenger, FanOut fanOut, Metrics metrics) {
        this.connections = connections;
        this.delivery = new Delivery(messenger);
        this.fanOut = fanOut;
        this.metrics = metrics;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Instant deadline = Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(HAND_OVER_MARGIN);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            Log log = Log.of(context).with("messageId", message.getMessageId());
            try {
                post(BroadcastPage.parse(message.getBody()), deadline, log);
            } catch (IllegalArgumentException | SdkException e) {
                log.with("error", e.getMessage()).error("A page goes back to the queue");
                failures.add(SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(message.getMessageId()).build());
            }
        }
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    private void post(BroadcastPage page, Instant deadline, Log pageLog) {
        long start = System.nanoTime();
        Log log = pageLog.with("broadcastId", page.broadcastId()).with("attempt", page.attempt());
        Delivery.Outcome outcome = delivery.deliver(page.connectionIds(), page.data(), deadline, log);
        outcome.gone().forEach(connections::remove);
        List<String> unreached = outcome.unreached();
        int deadLettered = 0;
        if (!unreached.isEmpty() && page.attempt() < MAX_ATTEMPTS) {
            fanOut.retry(page.retry(unreached));
        } else if (!unreached.isEmpty()) {
            fanOut.deadLetter(new BroadcastPage(page.broadcastId(), page.data(), unreached, page.attempt()));
            deadLettered = unreached.size();
        }
        long milliseconds = (System.nanoTime() - start) / 1_000_000;
        log.with("delivered", outcome.delivered().size()).with("gone", outcome.gone().size())
                .with("queuedAgain", unreached.size() - deadLettered).with("deadLettered", deadLettered)
                .with("milliseconds", milliseconds).info("Broadcast page");
        outcome.addTo(metrics.start()).add(DEAD_LETTERED_CONNECTIONS, deadLettered).add(Delivery.BROADCAST_DURATION, milliseconds)
                .publish();
    }

    void prime() {
        delivery.prime();
        connections.prime();
        fanOut.prime();
    }
}
