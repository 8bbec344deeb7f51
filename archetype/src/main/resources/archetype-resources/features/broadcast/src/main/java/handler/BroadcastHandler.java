package ${package}.handler;

import ${package}.aws.AwsClients;
import ${package}.aws.Environment;
import ${package}.aws.SnapStartPriming;
import ${package}.broadcast.Delivery;
import ${package}.broadcast.FanOut;
import ${package}.connection.Audience;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbAudience;
import ${package}.connection.DynamoDbConnectionStore;
import ${package}.messaging.ConnectionMessenger;
import ${package}.messaging.InvalidMessageException;
import ${package}.messaging.Json;
import ${package}.observability.Log;
import ${package}.observability.Measurements;
import ${package}.observability.Metric;
import ${package}.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The {@code broadcast} route: sends the message body to every open connection, the sender included.
 *
 * <p>Up to {@code BROADCAST_FAN_OUT_THRESHOLD} connections, this function posts to them itself;
 * past that, it queues them in pages for {@link BroadcastWorkerHandler}s to post in parallel. What it
 * cannot post before its deadline, or fails to post, goes to the queue too, so nothing is dropped.
 * A connection may broadcast once every {@code BROADCAST_INTERVAL_SECONDS}, and a broadcast carries at
 * most {@link #MAX_DATA_BYTES}: each one costs a post per connection.
 */
public final class BroadcastHandler extends TextMessageHandler {

    public static final String FAN_OUT_THRESHOLD_VARIABLE = "BROADCAST_FAN_OUT_THRESHOLD";
    public static final String INTERVAL_VARIABLE = "BROADCAST_INTERVAL_SECONDS";

    /** The connections a broadcast is for. */
    static final Metric BROADCAST_SIZE = Metric.count("BroadcastSize");
    /** A broadcast past the fan-out threshold, queued in pages for the workers. */
    static final Metric BROADCASTS_FANNED_OUT = Metric.count("BroadcastsFannedOut");

    /** One WebSocket frame: what every connection receives must stay cheap to send to all. */
    static final int MAX_DATA_BYTES = 32 * 1024;
    /** Left for queueing what is not posted yet, before the function times out. */
    static final Duration HAND_OVER_MARGIN = Duration.ofSeconds(3);
    /** Ids read at a time when a broadcast fans out: ten queue messages' worth. */
    private static final int IDS_PER_READ = FanOut.CONNECTIONS_PER_PAGE * 10;

    private final ConnectionStore connections;
    private final Audience audience;
    private final Delivery delivery;
    private final FanOut fanOut;
    private final int fanOutThreshold;
    private final Duration interval;
    private final Clock clock;

    /** Lambda's constructor: the table, the Management API, the queue, the limits and the metrics namespace from the function's environment. */
    public BroadcastHandler() {
        this(AwsClients.configure(DynamoDbClient.builder()).build(), Environment.require(DynamoDbConnectionStore.TABLE_VARIABLE));
        SnapStartPriming.register(this::prime, ApiGatewayManagementApiClient.class, DynamoDbClient.class, SqsClient.class);
    }

    /** The store and the audience share one client: clients are built once per environment. */
    private BroadcastHandler(DynamoDbClient dynamoDb, String table) {
        this(new DynamoDbConnectionStore(dynamoDb, table, Clock.systemUTC()), new DynamoDbAudience(dynamoDb, table, Clock.systemUTC()),
                ConnectionMessenger.fromEnvironment(), FanOut.fromEnvironment(), Integer.parseInt(Environment.require(FAN_OUT_THRESHOLD_VARIABLE)),
                Duration.ofSeconds(Long.parseLong(Environment.require(INTERVAL_VARIABLE))), Clock.systemUTC(), Metrics.fromEnvironment());
    }

    BroadcastHandler(ConnectionStore connections, Audience audience, ConnectionMessenger messenger, FanOut fanOut,
                     int fanOutThreshold, Duration interval, Clock clock, Metrics metrics) {
        super(messenger, metrics);
        this.connections = connections;
        this.audience = audience;
        this.delivery = new Delivery(messenger);
        this.fanOut = fanOut;
        this.fanOutThreshold = fanOutThreshold;
        this.interval = interval;
        this.clock = clock;
    }

    @Override
    protected void handleText(String sender, String text, Context context, Log log, Measurements measurements)
            throws InvalidMessageException {
        String data = Json.write(text);
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new InvalidMessageException("A broadcast carries at most " + MAX_DATA_BYTES / 1024 + " KB");
        }
        if (!audience.claimBroadcast(sender, clock.instant(), interval)) {
            throw new InvalidMessageException("One broadcast every " + interval.toSeconds() + " seconds per connection");
        }
        long start = System.nanoTime();
        String broadcastId = context.getAwsRequestId();
        List<String> firstIds = audience.firstIds(fanOutThreshold + 1);
        if (firstIds.size() > fanOutThreshold) {
            AtomicInteger queued = new AtomicInteger();
            audience.forEachPageOfIds(IDS_PER_READ, page -> {
                fanOut.enqueue(broadcastId, data, page);
                queued.addAndGet(page.size());
            });
            log.with("connections", queued.get()).info("Broadcast fanned out");
            measurements.add(BROADCASTS_FANNED_OUT, 1).add(BROADCAST_SIZE, queued.get());
            return;
        }
        Delivery.Outcome outcome = delivery.deliver(firstIds, data, deadline(context), log);
        outcome.gone().forEach(connections::remove);
        if (!outcome.unreached().isEmpty()) {
            fanOut.enqueue(broadcastId, data, outcome.unreached());
        }
        long milliseconds = (System.nanoTime() - start) / 1_000_000;
        log.with("delivered", outcome.delivered().size()).with("gone", outcome.gone().size())
                .with("queued", outcome.unreached().size()).with("milliseconds", milliseconds).info("Broadcast");
        outcome.addTo(measurements).add(BROADCAST_SIZE, firstIds.size()).add(Delivery.BROADCAST_DURATION, milliseconds);
    }

    @Override
    protected void prime() {
        super.prime();
        connections.prime();
        fanOut.prime();
    }

    private Instant deadline(Context context) {
        return Instant.now().plusMillis(context.getRemainingTimeInMillis()).minus(HAND_OVER_MARGIN);
    }
}
