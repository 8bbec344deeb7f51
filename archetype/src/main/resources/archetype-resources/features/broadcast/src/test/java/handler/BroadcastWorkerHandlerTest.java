package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ${package}.broadcast.BroadcastPage;
import ${package}.broadcast.FanOut;
import ${package}.support.TestQueues;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.websocketkit.local.testing.LocalAws;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BroadcastWorkerHandlerTest extends HandlerTest {

    private static final String DATA = "\"Hello, everyone\"";

    private TestQueues queues;

    @BeforeEach
    void createQueues() {
        queues = TestQueues.create();
    }

    @Test
    void postsEveryPageOfABatchAndRemovesTheConnectionsThatAreGone() {
        List<String> first = List.of(connectClient(), connectClient());
        String gone = connectClient();
        String last = connectClient();
        managementApi.markGone(gone);

        SQSBatchResponse response = work(page(first, 1), page(List.of(gone, last), 1));

        assertEquals(List.of(), response.getBatchItemFailures());
        for (String client : List.of(first.get(0), first.get(1), last)) {
            assertEquals(List.of(DATA), managementApi.dataPostedTo(client), client);
        }
        assertFalse(isStored(gone), "a connection that answered 410 is removed");
        assertEquals(List.of(), queues.takePages(Duration.ZERO), "nothing to retry");
        assertEquals(3.0, output.metrics().get("Deliveries"));
        assertEquals(1.0, output.metrics().get("GoneConnections"));
    }

    @Test
    void queuesOnlyWhatFailedForALaterAttempt() {
        String failing = connectClient();
        String reached = connectClient();
        managementApi.markFailing(failing);

        SQSBatchResponse response = work(page(List.of(failing, reached), 1));

        assertEquals(List.of(), response.getBatchItemFailures(), "the page itself is done");
        assertEquals(List.of(DATA), managementApi.dataPostedTo(reached));
        List<BroadcastPage> retries = queues.takePages(Duration.ofSeconds(5));
        assertEquals(1, retries.size(), "one retry, after its delay");
        assertEquals(List.of(failing), retries.get(0).connectionIds(), "the reached connection is not posted to again");
        assertEquals(2, retries.get(0).attempt());
    }

    @Test
    void keepsWhatFailsTheLastAttemptInTheDeadLetterQueue() {
        String failing = connectClient();
        managementApi.markFailing(failing);

        work(page(List.of(failing), BroadcastWorkerHandler.MAX_ATTEMPTS));

        List<BroadcastPage> deadLetters = queues.takeDeadLetters();
        assertEquals(1, deadLetters.size());
        assertEquals(List.of(failing), deadLetters.get(0).connectionIds());
        assertEquals(BroadcastWorkerHandler.MAX_ATTEMPTS, deadLetters.get(0).attempt());
        assertEquals(1.0, output.metrics().get("DeadLetteredConnections"));
        assertEquals(List.of(), queues.takePages(Duration.ZERO), "no further attempt");
    }

    @Test
    void reportsAPageItCannotReadOrRequeueAsABatchItemFailure() {
        String failing = connectClient();
        managementApi.markFailing(failing);
        SQSEvent.SQSMessage unreadable = message("{\"not\": \"a page\"}");
        SQSEvent.SQSMessage fine = message(page(List.of(connectClient()), 1).toJson());
        SQSEvent.SQSMessage unrequeueable = message(page(List.of(failing), 1).toJson());
        FanOut brokenQueue = new FanOut(LocalAws.sqs(), LocalAws.queueUrl("no-such-queue"),
                LocalAws.queueUrl("no-such-queue"));

        SQSBatchResponse response = new BroadcastWorkerHandler(connections, messenger, brokenQueue, metrics)
                .handleRequest(event(unreadable, fine, unrequeueable), context);

        assertEquals(List.of(unreadable.getMessageId(), unrequeueable.getMessageId()), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(), "SQS delivers these again; the fine one is done");
    }

    /** SQS redelivers a page whose worker died before it answered: every connection gets it, some twice, none never. */
    @Test
    void deliversAtLeastOnceWhenAPageIsRedelivered() {
        List<String> clients = List.of(connectClient(), connectClient(), connectClient());
        SQSEvent.SQSMessage message = message(page(clients, 1).toJson());

        work(event(message));
        work(event(message));

        for (String client : clients) {
            assertEquals(List.of(DATA, DATA), managementApi.dataPostedTo(client), client);
        }
    }

    private SQSBatchResponse work(BroadcastPage... pages) {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (BroadcastPage page : pages) {
            messages.add(message(page.toJson()));
        }
        return work(event(messages.toArray(SQSEvent.SQSMessage[]::new)));
    }

    private SQSBatchResponse work(SQSEvent event) {
        return new BroadcastWorkerHandler(connections, messenger, queues.fanOut(), metrics).handleRequest(event, context);
    }

    private static BroadcastPage page(List<String> connectionIds, int attempt) {
        return new BroadcastPage("broadcast-1", DATA, connectionIds, attempt);
    }

    private static SQSEvent.SQSMessage message(String body) {
        SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
        message.setMessageId(UUID.randomUUID().toString());
        message.setBody(body);
        message.setEventSource("aws:sqs");
        return message;
    }

    private static SQSEvent event(SQSEvent.SQSMessage... messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(messages));
        return event;
    }
}
