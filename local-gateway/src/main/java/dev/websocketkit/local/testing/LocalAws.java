// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import dev.websocketkit.local.internal.dynamodb.DynamoDbLocal;
import dev.websocketkit.local.internal.sqs.LocalSqs;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The AWS services the gateway runs in this JVM, for tests of code that uses them: DynamoDB Local
 * and an SQS endpoint (ElasticMQ), each started on first use and shared by every test of the JVM.
 * Resources get new names, so tests never see each other's.
 */
public final class LocalAws {

    private LocalAws() {
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbLocal.client();
    }

    /** Creates a table as the properties of a template's {@code AWS::DynamoDB::Table} describe it, under a new name; returns the name. */
    public static String createTable(Map<String, Object> properties) {
        return DynamoDbLocal.createTable(properties);
    }

    public static SqsClient sqs() {
        return LocalSqs.client();
    }

    /**
     * Creates a queue as the properties of a template's {@code AWS::SQS::Queue} describe it, under a
     * new name starting with {@code prefix}; returns its URL.
     */
    public static String createQueue(String prefix, Map<String, Object> properties) {
        return LocalSqs.createQueue(LocalSqs.newQueueName(prefix), properties);
    }

    /** The URL a queue of this name has, whether or not it exists. */
    public static String queueUrl(String queueName) {
        return LocalSqs.queueUrl(queueName);
    }
}
