// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import dev.websocketkit.local.internal.log.GatewayLog;
import dev.websocketkit.local.internal.sqs.LocalSqs;
import dev.websocketkit.local.internal.sqs.TemplateQueues.Queue;
import dev.websocketkit.local.internal.function.LocalFunction;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.QueueEventSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;

/**
 * What Lambda runs for an SQS event source of a function: {@code MaximumConcurrency} pollers, each
 * receiving a batch (up to {@code BatchSize}, at most 10, with a long poll of 20 seconds, as Lambda's), invoking
 * the function with it and waiting for the answer, then deleting what succeeded. A function that
 * throws or times out has its whole batch received again after the visibility timeout; with
 * {@code ReportBatchItemFailures}, only the messages it reports. The queue's redrive policy moves
 * messages received too often to its dead-letter queue.
 */
public final class QueuePoller implements AutoCloseable {

    private static final int MAX_MESSAGES_PER_RECEIVE = 10;
    /** SQS's longest long poll, which Lambda's pollers use: an idle queue costs a request every 20 seconds per poller. */
    private static final int WAIT_SECONDS = 20;
    private static final long CLOSE_MILLIS = 2_000;
    private static final String WAKE_UP = "The local gateway is closing; this queue is deleted next.";

    private final LocalFunction function;
    private final Queue queue;
    private final QueueEventSource source;
    private final GatewayLog log;
    private final List<Thread> pollers = new ArrayList<>();
    private volatile boolean closed;

    public QueuePoller(LocalFunction function, Queue queue, QueueEventSource source, GatewayLog log) {
        this.function = function;
        this.queue = queue;
        this.source = source;
        this.log = log;
    }

    /** Starts the pollers, once the queue exists and the function has initialised; does nothing once closed. */
    public synchronized void start() {
        if (closed || !pollers.isEmpty()) {
            return;
        }
        ReceiveMessageRequest receive = ReceiveMessageRequest.builder()
                .queueUrl(queue.url())
                .maxNumberOfMessages(Math.min(source.batchSize(), MAX_MESSAGES_PER_RECEIVE))
                .waitTimeSeconds(WAIT_SECONDS)
                .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                .messageAttributeNames("All")
                .build();
        for (int i = 1; i <= source.maximumConcurrency(); i++) {
            Thread poller = new Thread(() -> poll(LocalSqs.client(), receive), "sqs-" + queue.name() + "-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
            poller.start();
        }
    }

    /**
     * Stops the pollers and waits for them, two seconds at most: none invokes the function again.
     * What a poller received meanwhile, and a batch being processed, come back after the visibility
     * timeout. A long poll cannot be cut short, so each poller that may be waiting in one is sent a
     * message to wake it: a message on a queue the gateway that closes is about to delete.
     */
    @Override
    public void close() {
        List<Thread> started;
        synchronized (this) {
            closed = true;
            started = List.copyOf(pollers);
        }
        started.forEach(Thread::interrupt);
        started.forEach(poller -> LocalSqs.client().sendMessage(request -> request.queueUrl(queue.url()).messageBody(WAKE_UP)));
        long deadline = System.currentTimeMillis() + CLOSE_MILLIS;
        try {
            for (Thread poller : started) {
                poller.join(Math.max(1, deadline - System.currentTimeMillis()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll(SqsClient sqs, ReceiveMessageRequest receive) {
        boolean failing = false;
        while (!closed) {
            List<Message> messages;
            try {
                messages = sqs.receiveMessage(receive).messages();
                failing = false;
                if (closed) {
                    return;
                }
            } catch (SdkException e) {
                if (closed) {
                    return;
                }
                if (!failing) {
                    log.gateway("Cannot receive messages from " + queue.name() + " for " + function.name() + ", retrying every second: " + e.getMessage());
                }
                failing = true;
                if (!pause()) {
                    return;
                }
                continue;
            }
            if (!messages.isEmpty() && !process(sqs, messages)) {
                return;
            }
        }
    }

    /** Invokes the function with the batch and deletes what succeeded; false when interrupted by {@link #close()}. */
    private boolean process(SqsClient sqs, List<Message> messages) {
        Set<String> ids = new LinkedHashSet<>();
        messages.forEach(message -> ids.add(message.messageId()));
        Set<String> failed;
        try {
            Object response = function.invoke(SqsEvents.of(messages, queue.arn())).get();
            failed = source.reportBatchItemFailures() ? BatchItemFailures.of(response, ids) : Set.of();
        } catch (InterruptedException e) {
            return false;
        } catch (ExecutionException e) {
            log.gateway(function.name() + " failed on " + describe(messages) + "; they return after the visibility timeout");
            return true;
        } catch (BatchItemFailures.InvalidResponse e) {
            log.gateway(function.name() + " answered " + describe(messages) + " with an invalid batch response (" + e.getMessage()
                    + "); the whole batch returns after the visibility timeout");
            return true;
        }
        List<DeleteMessageBatchRequestEntry> succeeded = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                succeeded.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(succeeded.size()))
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
        }
        if (!succeeded.isEmpty()) {
            delete(sqs, succeeded);
        }
        return true;
    }

    private void delete(SqsClient sqs, List<DeleteMessageBatchRequestEntry> entries) {
        try {
            DeleteMessageBatchResponse response = sqs.deleteMessageBatch(request -> request.queueUrl(queue.url()).entries(entries));
            response.failed().forEach(failure -> log.gateway("Cannot delete a message of " + queue.name() + " that " + function.name()
                    + " processed; it returns after the visibility timeout: " + failure.message()));
        } catch (SdkException e) {
            if (!closed) {
                log.gateway("Cannot delete the messages of " + queue.name() + " that " + function.name()
                        + " processed; they return after the visibility timeout: " + e.getMessage());
            }
        }
    }

    private String describe(List<Message> messages) {
        return messages.size() + (messages.size() == 1 ? " message" : " messages") + " of " + queue.name();
    }

    /** Waits a second before polling again; false when interrupted by {@link #close()}. */
    private static boolean pause() {
        try {
            TimeUnit.SECONDS.sleep(1);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
