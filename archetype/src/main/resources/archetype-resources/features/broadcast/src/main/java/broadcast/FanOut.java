package ${package}.broadcast;

import ${package}.aws.AwsClients;
import ${package}.aws.Environment;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * The broadcast queue, which spreads a broadcast too large for one function over as many workers as
 * the queue's event source allows: pages of {@link #CONNECTIONS_PER_PAGE} connections, sent ten to a
 * request; retries of what a worker could not deliver, after a growing delay; and the dead-letter
 * queue for what still fails after the last attempt.
 */
public final class FanOut {

    public static final String QUEUE_URL_VARIABLE = "BROADCAST_QUEUE_URL";
    public static final String DEAD_LETTER_QUEUE_URL_VARIABLE = "BROADCAST_DEAD_LETTER_QUEUE_URL";

    /** A worker's batch of ten pages posts a thousand times, well within its timeout at AWS's latencies. */
    public static final int CONNECTIONS_PER_PAGE = 100;
    private static final int PAGES_PER_REQUEST = 10;
    private static final int MAX_DELAY_SECONDS = 900;

    private final SqsClient sqs;
    private final String queueUrl;
    private final String deadLetterQueueUrl;

    public FanOut(SqsClient sqs, String queueUrl, String deadLetterQueueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    /** The queues {@code BROADCAST_QUEUE_URL} and {@code BROADCAST_DEAD_LETTER_QUEUE_URL} name. */
    public static FanOut fromEnvironment() {
        return new FanOut(AwsClients.configure(SqsClient.builder()).build(),
                Environment.require(QUEUE_URL_VARIABLE), Environment.require(DEAD_LETTER_QUEUE_URL_VARIABLE));
    }

    /** Queues the broadcast's first attempt at {@code connectionIds}, in pages; thread-safe. */
    public void enqueue(String broadcastId, String data, List<String> connectionIds) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (int from = 0; from < connectionIds.size(); from += CONNECTIONS_PER_PAGE) {
            List<String> page = connectionIds.subList(from, Math.min(from + CONNECTIONS_PER_PAGE, connectionIds.size()));
            entries.add(SendMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size()))
                    .messageBody(new BroadcastPage(broadcastId, data, page, 1).toJson())
                    .build());
            if (entries.size() == PAGES_PER_REQUEST) {
                send(entries);
                entries.clear();
            }
        }
        if (!entries.isEmpty()) {
            send(entries);
        }
    }

    /** Queues a page again after {@code 2^(attempt - 1)} seconds, so a passing failure can pass. */
    public void retry(BroadcastPage page) {
        int delay = Math.min(MAX_DELAY_SECONDS, 1 << Math.min(page.attempt() - 1, 10));
        sqs.sendMessage(request -> request.queueUrl(queueUrl).messageBody(page.toJson()).delaySeconds(delay));
    }

    /** Keeps a page that failed every attempt for someone to look at. */
    public void deadLetter(BroadcastPage page) {
        sqs.sendMessage(request -> request.queueUrl(deadLetterQueueUrl).messageBody(page.toJson()));
    }

    /** Serialises a sample page, for SnapStart; nothing leaves the JVM. */
    public void prime() {
        BroadcastPage.parse(new BroadcastPage("priming", "\"priming\"", List.of("priming"), 1).toJson());
    }

    private void send(List<SendMessageBatchRequestEntry> entries) {
        SendMessageBatchResponse response = sqs.sendMessageBatch(request -> request.queueUrl(queueUrl).entries(List.copyOf(entries)));
        if (!response.failed().isEmpty()) {
            throw new IllegalStateException("The broadcast queue refused " + response.failed().size() + " of "
                    + entries.size() + " pages: " + response.failed().get(0).message());
        }
    }
}
