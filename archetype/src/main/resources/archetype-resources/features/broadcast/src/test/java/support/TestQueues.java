package ${package}.support;

import ${package}.broadcast.BroadcastPage;
import ${package}.broadcast.FanOut;
import dev.websocketkit.local.testing.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** A fresh broadcast queue and dead-letter queue for a test, in the local SQS engine, and what is in them. */
public final class TestQueues {

    private final String queueUrl;
    private final String deadLetterQueueUrl;

    private TestQueues(String queueUrl, String deadLetterQueueUrl) {
        this.queueUrl = queueUrl;
        this.deadLetterQueueUrl = deadLetterQueueUrl;
    }

    public static TestQueues create() {
        return new TestQueues(LocalAws.createQueue("broadcast", Map.of()),
                LocalAws.createQueue("dead-letters", Map.of()));
    }

    public FanOut fanOut() {
        return new FanOut(LocalAws.sqs(), queueUrl, deadLetterQueueUrl);
    }

    /** Takes every page in the broadcast queue, waiting up to {@code wait} for a first one (delayed pages appear late). */
    public List<BroadcastPage> takePages(Duration wait) {
        return take(queueUrl, wait);
    }

    public List<BroadcastPage> takeDeadLetters() {
        return take(deadLetterQueueUrl, Duration.ZERO);
    }

    /** The broadcast queue's messages as SQS hands them to a worker, left in the queue. */
    public List<Message> receive() {
        return LocalAws.sqs().receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10)).messages();
    }

    private static List<BroadcastPage> take(String url, Duration wait) {
        Instant until = Instant.now().plus(wait);
        List<BroadcastPage> pages = new ArrayList<>();
        List<Message> batch = receive(url, 0);
        while (batch.isEmpty() && Instant.now().isBefore(until)) {
            batch = receive(url, 1);
        }
        while (!batch.isEmpty()) {
            for (Message message : batch) {
                pages.add(BroadcastPage.parse(message.body()));
                LocalAws.sqs().deleteMessage(request -> request.queueUrl(url).receiptHandle(message.receiptHandle()));
            }
            batch = receive(url, 0);
        }
        return pages;
    }

    private static List<Message> receive(String url, int waitSeconds) {
        return LocalAws.sqs().receiveMessage(request -> request.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(waitSeconds))
                .messages();
    }
}
