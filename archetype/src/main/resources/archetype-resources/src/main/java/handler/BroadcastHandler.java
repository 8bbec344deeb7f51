package ${package}.handler;

import ${package}.connection.Connection;
import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
import ${package}.messaging.ConnectionMessenger;
import ${package}.messaging.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The {@code broadcast} route: sends the message body to every open connection, the sender
 * included. Connections that API Gateway reports gone are removed from the store; a connection
 * that fails does not stop delivery to the others.
 */
public final class BroadcastHandler extends TextMessageHandler {

    /** Posts in flight at once: enough to overlap round trips, few enough to stay under API Gateway's limits. */
    static final int MAX_IN_FLIGHT = 16;

    private enum Delivery { DELIVERED, GONE, FAILED }

    private final ConnectionStore connections;
    private final ExecutorService senders = Executors.newFixedThreadPool(MAX_IN_FLIGHT, runnable -> {
        Thread thread = new Thread(runnable, "broadcast-sender");
        thread.setDaemon(true);
        return thread;
    });

    /** Lambda's constructor: the store and the Management API from the function's environment. */
    public BroadcastHandler() {
        this(DynamoDbConnectionStore.fromEnvironment(), ConnectionMessenger.fromEnvironment());
        primeBeforeSnapshot(ApiGatewayManagementApiClient.class, DynamoDbClient.class);
    }

    BroadcastHandler(ConnectionStore connections, ConnectionMessenger messenger) {
        super(messenger);
        this.connections = connections;
    }

    @Override
    protected void handleText(String sender, String text, Context context) {
        String data = Json.write(text);
        LambdaLogger logger = context.getLogger();
        List<Callable<Delivery>> deliveries = connections.findAll().stream()
                .map(connection -> (Callable<Delivery>) () -> deliver(connection, data, logger))
                .toList();
        Map<Delivery, Long> outcome = count(invokeAll(deliveries));
        logger.log("Broadcast from " + sender + ": " + outcome);
    }

    @Override
    protected void prime() {
        super.prime();
        connections.prime();
    }

    private Delivery deliver(Connection connection, String data, LambdaLogger logger) {
        try {
            if (messenger.send(connection.connectionId(), data)) {
                return Delivery.DELIVERED;
            }
            connections.remove(connection.connectionId());
            return Delivery.GONE;
        } catch (SdkException e) {
            logger.log("Broadcast to " + connection.connectionId() + " failed: " + e.getMessage());
            return Delivery.FAILED;
        }
    }

    private List<Future<Delivery>> invokeAll(List<Callable<Delivery>> deliveries) {
        try {
            return senders.invokeAll(deliveries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while broadcasting", e);
        }
    }

    private static Map<Delivery, Long> count(List<Future<Delivery>> results) {
        Map<Delivery, Long> counts = new EnumMap<>(Delivery.class);
        for (Delivery delivery : Delivery.values()) {
            counts.put(delivery, 0L);
        }
        for (Future<Delivery> result : results) {
            counts.merge(outcomeOf(result), 1L, Long::sum);
        }
        return counts;
    }

    private static Delivery outcomeOf(Future<Delivery> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            return Delivery.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.FAILED;
        }
    }
}
