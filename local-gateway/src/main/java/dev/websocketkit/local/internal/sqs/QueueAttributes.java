// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.internal.template.TemplateDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQS attributes of a queue from the properties of its {@code AWS::SQS::Queue}, intrinsic
 * functions resolved. {@code MessageRetentionPeriod} is left out: ElasticMQ keeps messages until
 * they are deleted (and warns about the attribute).
 */
final class QueueAttributes {

    /** The properties of an {@code AWS::SQS::Queue} read here; the others are left out. */
    static final List<String> PROPERTIES = List.of("FifoQueue", "VisibilityTimeout", "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "RedrivePolicy");
    private static final List<String> SAME_NAMED = List.of("VisibilityTimeout", "DelaySeconds", "ReceiveMessageWaitTimeSeconds");

    private QueueAttributes() {
    }

    /** @throws IllegalArgumentException for a FIFO queue, naming {@code queue} */
    static Map<String, String> of(String queue, Map<String, Object> properties) {
        if (Boolean.parseBoolean(String.valueOf(properties.get("FifoQueue")))) {
            throw new IllegalArgumentException("Queue " + queue + " is a FIFO queue (FifoQueue: true); the local gateway runs standard queues only");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String name : SAME_NAMED) {
            if (properties.get(name) != null) {
                attributes.put(name, String.valueOf(properties.get(name)));
            }
        }
        redrivePolicy(properties).ifPresent(policy -> {
            Map<String, Object> redrive = new LinkedHashMap<>();
            redrive.put("deadLetterTargetArn", String.valueOf(policy.get("deadLetterTargetArn")));
            redrive.put("maxReceiveCount", Integer.parseInt(String.valueOf(policy.get("maxReceiveCount"))));
            attributes.put("RedrivePolicy", json(redrive));
        });
        return attributes;
    }

    /** The ARN of the queue's dead-letter queue, if it has a {@code RedrivePolicy}. */
    static Optional<String> deadLetterTargetArn(Map<String, Object> properties) {
        return redrivePolicy(properties).map(policy -> String.valueOf(policy.get("deadLetterTargetArn")));
    }

    /** The {@code RedrivePolicy}, given as an object or as JSON text. */
    private static Optional<Map<String, Object>> redrivePolicy(Map<String, Object> properties) {
        Object policy = properties.get("RedrivePolicy");
        if (policy instanceof String) {
            try {
                return Optional.of(JSON.std.mapFrom(policy));
            } catch (IOException e) {
                throw new IllegalArgumentException("RedrivePolicy is not JSON: " + policy, e);
            }
        }
        return Optional.ofNullable(policy).map(TemplateDocument::mapOrEmpty);
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
