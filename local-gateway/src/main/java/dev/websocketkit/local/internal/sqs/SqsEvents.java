// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.websocketkit.local.internal.account.LocalAccount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** The event Lambda sends a function for a batch of messages received from a standard queue, field for field. */
final class SqsEvents {

    /** The system attributes Lambda passes on for a standard queue, in its order. */
    private static final List<String> ATTRIBUTES = List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");

    private SqsEvents() {
    }

    static SQSEvent of(List<Message> messages, String queueArn) {
        List<SQSMessage> records = new ArrayList<>();
        messages.forEach(message -> records.add(record(message, queueArn)));
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    private static SQSMessage record(Message message, String queueArn) {
        SQSMessage record = new SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        Map<String, String> attributes = new LinkedHashMap<>();
        ATTRIBUTES.forEach(name -> {
            String value = message.attributesAsStrings().get(name);
            if (value != null) {
                attributes.put(name, value);
            }
        });
        record.setAttributes(attributes);
        Map<String, MessageAttribute> messageAttributes = new LinkedHashMap<>();
        message.messageAttributes().forEach((name, value) -> messageAttributes.put(name, messageAttribute(value)));
        record.setMessageAttributes(messageAttributes);
        record.setMd5OfBody(message.md5OfBody());
        record.setMd5OfMessageAttributes(message.md5OfMessageAttributes());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(LocalAccount.REGION);
        return record;
    }

    private static MessageAttribute messageAttribute(MessageAttributeValue value) {
        MessageAttribute attribute = new MessageAttribute();
        attribute.setStringValue(value.stringValue());
        attribute.setBinaryValue(value.binaryValue() == null ? null : value.binaryValue().asByteBuffer());
        attribute.setStringListValues(new ArrayList<>(value.stringListValues()));
        attribute.setBinaryListValues(value.binaryListValues().stream().map(SdkBytes::asByteBuffer).collect(Collectors.toCollection(ArrayList::new)));
        attribute.setDataType(value.dataType());
        return attribute;
    }
}
