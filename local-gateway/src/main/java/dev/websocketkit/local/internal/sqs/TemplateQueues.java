// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;

import dev.websocketkit.local.internal.template.Intrinsics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code AWS::SQS::Queue}s of a template in {@link LocalSqs}: each under a unique name, which
 * {@code Ref} resolves to its URL and {@code Fn::GetAtt} to its {@code Arn}, {@code QueueName} and
 * {@code QueueUrl}. They are created in the background, dead-letter queues first.
 */
public final class TemplateQueues {

    /** A queue of the template as the local SQS knows it. */
    public record Queue(String logicalId, String name, String url, String arn) {
    }

    private final Map<String, Queue> queues;
    private final CompletableFuture<Void> created;

    private TemplateQueues(Map<String, Queue> queues, CompletableFuture<Void> created) {
        this.queues = queues;
        this.created = created;
    }

    /**
     * Names the queues, gives {@code intrinsics} their URLs and attributes, and creates them in the
     * background. Starts ElasticMQ unless {@code definitions} is empty.
     *
     * @param definitions the properties of each queue by logical id, intrinsic functions unresolved
     * @throws IllegalArgumentException for a FIFO queue, or a dead-letter queue that is not one of the template's
     */
    public static TemplateQueues create(Map<String, Map<String, Object>> definitions, Intrinsics intrinsics) {
        Map<String, Queue> queues = new LinkedHashMap<>();
        definitions.keySet().forEach(logicalId -> {
            String name = LocalSqs.newQueueName(logicalId);
            Queue queue = new Queue(logicalId, name, LocalSqs.queueUrl(name), LocalSqs.queueArn(name));
            intrinsics.assign(logicalId, queue.url());
            intrinsics.assignAttribute(logicalId, "Arn", queue.arn());
            intrinsics.assignAttribute(logicalId, "QueueName", name);
            intrinsics.assignAttribute(logicalId, "QueueUrl", queue.url());
            queues.put(logicalId, queue);
        });
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        definitions.forEach((logicalId, definition) -> {
            Map<String, Object> resolved = resolved(definition, intrinsics);
            QueueAttributes.of(logicalId, resolved);
            properties.put(logicalId, resolved);
        });
        List<Queue> order = deadLetterQueuesFirst(queues, properties);
        CompletableFuture<Void> created = order.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> order.forEach(queue -> LocalSqs.createQueue(queue.name(), properties.get(queue.logicalId()))));
        return new TemplateQueues(queues, created);
    }

    /** The template's queue with this ARN. */
    public Optional<Queue> withArn(String arn) {
        return queues.values().stream().filter(queue -> queue.arn().equals(arn)).findFirst();
    }

    /** Completes when every queue exists. */
    public CompletableFuture<Void> created() {
        return created;
    }

    /** Deletes the queues once they exist, as deleting the stack would: the local SQS serves every gateway of the JVM. */
    public void delete() {
        if (queues.isEmpty()) {
            return;
        }
        created.thenRun(() -> queues.values().forEach(queue -> LocalSqs.client().deleteQueue(request -> request.queueUrl(queue.url()))))
                .exceptionally(notCreated -> null)
                .join();
    }

    /** The properties the local SQS reads, intrinsic functions resolved, in a {@code RedrivePolicy} object too. */
    private static Map<String, Object> resolved(Map<String, Object> definition, Intrinsics intrinsics) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (String name : QueueAttributes.PROPERTIES) {
            Object value = definition.get(name);
            Map<String, Object> object = mapOrEmpty(value);
            if (!object.isEmpty() && !isIntrinsicFunction(object)) {
                Map<String, Object> fields = new LinkedHashMap<>();
                object.forEach((field, fieldValue) -> fields.put(field, intrinsics.resolve(fieldValue)));
                resolved.put(name, fields);
            } else if (value != null) {
                resolved.put(name, intrinsics.resolve(value));
            }
        }
        return resolved;
    }

    private static boolean isIntrinsicFunction(Map<String, Object> object) {
        return object.size() == 1 && object.keySet().stream().allMatch(key -> key.equals("Ref") || key.startsWith("Fn::"));
    }

    private static List<Queue> deadLetterQueuesFirst(Map<String, Queue> queues, Map<String, Map<String, Object>> properties) {
        Set<Queue> order = new LinkedHashSet<>();
        queues.values().forEach(queue -> addAfterItsDeadLetterQueue(queue, queues, properties, order, new LinkedHashSet<>()));
        return new ArrayList<>(order);
    }

    private static void addAfterItsDeadLetterQueue(Queue queue, Map<String, Queue> queues, Map<String, Map<String, Object>> properties,
                                                   Set<Queue> order, Set<Queue> visiting) {
        if (order.contains(queue)) {
            return;
        }
        if (!visiting.add(queue)) {
            throw new IllegalArgumentException("The RedrivePolicy of queue " + queue.logicalId() + " makes a cycle of dead-letter queues");
        }
        Optional<String> deadLetterArn = QueueAttributes.deadLetterTargetArn(properties.get(queue.logicalId()));
        if (deadLetterArn.isPresent()) {
            Queue deadLetterQueue = queues.values().stream()
                    .filter(candidate -> candidate.arn().equals(deadLetterArn.get()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("The RedrivePolicy of queue " + queue.logicalId() + " names "
                            + deadLetterArn.get() + ", which is not a queue of the template"));
            addAfterItsDeadLetterQueue(deadLetterQueue, queues, properties, order, visiting);
        }
        order.add(queue);
    }
}
