package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.broadcast.BroadcastPage;
import ${package}.connection.DynamoDbAudience;
import ${package}.messaging.InvalidJsonException;
import ${package}.messaging.Json;
import ${package}.support.TestQueues;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import dev.websocketkit.local.testing.LocalAws;
import dev.websocketkit.local.testing.LocalContext;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastHandlerTest extends HandlerTest {

    private static final String ANNOUNCEMENT = "{\"message\": \"broadcast\", \"body\": \"Hello, everyone\"}";
    private static final String DATA = "\"Hello, everyone\"";
    private static final int THRESHOLD = 5;
    private static final Duration INTERVAL = Duration.ofSeconds(60);

    private TestQueues queues;

    @BeforeEach
    void createQueues() {
        queues = TestQueues.create();
    }

    @Test
    void postsToEveryConnectionItselfUpToTheThreshold() {
        List<String> clients = IntStream.range(0, THRESHOLD).mapToObj(i -> connectClient()).toList();

        var response = broadcast(clients.get(0), ANNOUNCEMENT);

        assertEquals(200, response.getStatusCode());
        for (String client : clients) {
            assertEquals(List.of(DATA), managementApi.dataPostedTo(client), client);
        }
        assertEquals(List.of(), queues.takePages(Duration.ZERO), "nothing fanned out");
        Map<String, Double> figures = output.metrics();
        assertEquals((double) THRESHOLD, figures.get("BroadcastSize"));
        assertEquals((double) THRESHOLD, figures.get("Deliveries"));
        assertTrue(figures.containsKey("BroadcastDuration"));
    }

    @Test
    void fansOutThroughTheQueuePastTheThreshold() {
        Set<String> clients = new HashSet<>(IntStream.range(0, THRESHOLD + 1).mapToObj(i -> connectClient()).toList());

        broadcast(clients.iterator().next(), ANNOUNCEMENT);

        List<BroadcastPage> pages = queues.takePages(Duration.ZERO);
        assertEquals(clients, new HashSet<>(pages.stream().flatMap(page -> page.connectionIds().stream()).toList()));
        assertTrue(pages.stream().allMatch(page -> page.data().equals(DATA) && page.attempt() == 1), pages.toString());
        assertTrue(clients.stream().allMatch(client -> managementApi.dataPostedTo(client).isEmpty()), "the workers post, not this function");
        assertEquals(Map.of("BroadcastsFannedOut", 1.0, "BroadcastSize", (double) clients.size()), output.metrics(Map.of()).entrySet().stream()
                .filter(figure -> figure.getKey().startsWith("Broadcast"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void removesConnectionsThatAreGoneAndStillReachesTheOthers() {
        String sender = connectClient();
        String gone = connectClient();
        String listener = connectClient();
        managementApi.markGone(gone);

        broadcast(sender, ANNOUNCEMENT);

        assertFalse(isStored(gone), "a connection that answered 410 is removed");
        assertTrue(isStored(listener));
        assertEquals(List.of(DATA), managementApi.dataPostedTo(listener));
        assertEquals(List.of(DATA), managementApi.dataPostedTo(sender));
    }

    @Test
    void queuesAConnectionThatFailedForTheWorkersToRetry() {
        String sender = connectClient();
        String failing = connectClient();
        String listener = connectClient();
        managementApi.markFailing(failing);

        var response = broadcast(sender, ANNOUNCEMENT);

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of(DATA), managementApi.dataPostedTo(listener));
        assertTrue(isStored(failing), "a connection that failed once is not assumed gone");
        assertEquals(List.of(List.of(failing)), queues.takePages(Duration.ZERO).stream().map(BroadcastPage::connectionIds).toList());
    }

    /** A broadcast that cannot finish before the function times out hands the rest to the queue: none is lost. */
    @Test
    void queuesWhatItCannotPostBeforeItsDeadline() {
        Set<String> clients = new HashSet<>(List.of(connectClient(), connectClient(), connectClient()));
        LocalContext almostOutOfTime = new LocalContext(BroadcastHandler.HAND_OVER_MARGIN.minusMillis(500));

        handler().handleRequest(message(Routes.BROADCAST, clients.iterator().next(), ANNOUNCEMENT), almostOutOfTime);

        assertTrue(clients.stream().allMatch(client -> managementApi.dataPostedTo(client).isEmpty()));
        assertEquals(clients, new HashSet<>(queues.takePages(Duration.ZERO).get(0).connectionIds()));
    }

    @Test
    void letsAConnectionBroadcastOnceAnInterval() {
        String sender = connectClient();
        String other = connectClient();

        broadcast(sender, ANNOUNCEMENT);
        broadcast(sender, ANNOUNCEMENT);

        assertEquals("One broadcast every 60 seconds per connection", error(managementApi.dataPostedTo(sender).get(1)));
        assertEquals(List.of(DATA), managementApi.dataPostedTo(other), "the refused broadcast reached no one");
        broadcast(other, ANNOUNCEMENT);
        assertEquals(List.of(DATA, DATA), managementApi.dataPostedTo(other), "the limit is per connection");
        assertEquals(Map.of("Messages", 2.0, "InvalidMessages", 1.0), output.metrics(Map.of("Route", "broadcast")));
    }

    @Test
    void refusesABroadcastOverTheSizeLimitBeforeSendingAnything() {
        String sender = connectClient();
        String listener = connectClient();
        String body = "x".repeat(BroadcastHandler.MAX_DATA_BYTES);

        broadcast(sender, "{\"message\": \"broadcast\", \"body\": \"" + body + "\"}");

        assertEquals("A broadcast carries at most 32 KB", error(managementApi.dataPostedTo(sender).get(0)));
        assertEquals(List.of(), managementApi.dataPostedTo(listener));
        broadcast(sender, ANNOUNCEMENT);
        assertEquals(List.of(DATA), managementApi.dataPostedTo(listener), "a refused broadcast does not count against the interval");
    }

    @Test
    void answersABodyThatIsNotAStringToTheSenderOnly() {
        String sender = connectClient();
        String listener = connectClient();

        broadcast(sender, "{\"message\": \"broadcast\", \"body\": 42}");

        assertTrue(managementApi.dataPostedTo(sender).get(0).contains("needs a string field"));
        assertEquals(List.of(), managementApi.dataPostedTo(listener));
    }

    private BroadcastHandler handler() {
        return new BroadcastHandler(connections, new DynamoDbAudience(LocalAws.dynamoDb(), table, Clock.systemUTC()), messenger, queues.fanOut(),
                THRESHOLD, INTERVAL, Clock.systemUTC(), metrics);
    }

    private APIGatewayV2WebSocketResponse broadcast(String sender, String body) {
        return handler().handleRequest(message(Routes.BROADCAST, sender, body), context);
    }

    private static String error(String reply) {
        try {
            return (String) ((Map<?, ?>) Json.parse(reply)).get("error");
        } catch (InvalidJsonException e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }
}
