// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.internal.sqs.LocalSqs;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Fanning out through SQS: client → function → queue → worker → Management API → client, on the local SQS. */
@WebSocketApiTest(template = "src/test/resources/templates/queue.yaml")
class QueueTest {

    @Test
    void aMessageTravelsThroughTheQueueToTheWorkerAndBackInAnEventShapedLikeLambdas(LocalGateway gateway) throws Exception {
        Map<String, String> environment = gateway.environment("EnqueueFunction");
        try (WebSocketTestClient client = gateway.connect()) {
            Map<String, Object> report = enqueue(client, "deliver", "Hello through SQS");

            assertEquals("Hello through SQS", report.get("text"));
            assertEquals(List.of("ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp"), report.get("attributes"));
            assertEquals("1", report.get("receiveCount"));
            assertEquals("websocket", report.get("origin"));
            assertEquals("String", report.get("originType"));
            assertEquals(true, report.get("md5OfBodyMatches"));
            assertEquals("aws:sqs", report.get("eventSource"));
            assertEquals(environment.get("QUEUE_ARN"), report.get("eventSourceARN"));
            assertEquals("us-east-1", report.get("awsRegion"));
            assertFalse(((String) report.get("messageId")).isEmpty());
            assertFalse(((String) report.get("receiptHandle")).isEmpty());
        }
    }

    @Test
    void aBatchItemFailureIsReceivedAgainAfterTheVisibilityTimeoutAndTheOthersAreDeleted(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            long sent = System.nanoTime();
            Map<String, Object> report = enqueue(client, "fail-once", "second time lucky");

            assertEquals("2", report.get("receiveCount"));
            assertTrue(Duration.ofNanos(System.nanoTime() - sent).toMillis() >= 1_000, "received again after the one-second visibility timeout");
            client.expectNothingFor(Duration.ofMillis(1_500));
        }
    }

    @Test
    void anAnswerNamingNoMessageOfTheBatchFailsTheWholeBatch(LocalGateway gateway) throws Exception {
        try (LogCapture log = gateway.captureLogs(); WebSocketTestClient client = gateway.connect()) {
            Map<String, Object> report = enqueue(client, "unknown-id-once", "retried whole");

            assertEquals("2", report.get("receiveCount"));
            assertTrue(log.text().contains("WorkerFunction answered 1 message of " + gateway.environment("EnqueueFunction").get("QUEUE_NAME")
                    + " with an invalid batch response (the itemIdentifier not-a-message-of-this-batch is the id of no message of the batch)"),
                    log.text());
        }
    }

    @Test
    void aMessageThatAlwaysFailsEndsInTheDeadLetterQueueAfterMaxReceiveCountReceives(LocalGateway gateway) throws Exception {
        String text = "doomed " + UUID.randomUUID();
        gateway.awaitFunctions();
        try (LogCapture log = gateway.captureLogs(); WebSocketTestClient client = gateway.connect()) {
            client.send("{\"action\": \"enqueue\", \"mode\": \"throw\", \"text\": \"" + text + "\"}");

            Message dead = awaitMessage(gateway.environment("EnqueueFunction").get("DEAD_LETTER_QUEUE_URL"), text);
            assertTrue(dead.body().contains(text), dead.body());
            assertEquals(2, log.lines().stream().filter(line -> line.startsWith("[WorkerFunction] {\"errorMessage\":\"This message always fails: " + text)).count(),
                    log.text());
        }
    }

    @Test
    void noMoreInvocationsRunAtOnceThanTheMaximumConcurrency(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            for (int i = 0; i < 6; i++) {
                client.send("{\"action\": \"enqueue\", \"mode\": \"slow\", \"text\": \"slow " + i + "\"}");
            }
            List<Integer> mostRunningAtOnce = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                mostRunningAtOnce.add(((Number) EchoApiTest.parse(client.receive()).get("mostRunningAtOnce")).intValue());
            }

            assertEquals(2, mostRunningAtOnce.stream().mapToInt(Integer::intValue).max().orElseThrow(), "MaximumConcurrency: 2 " + mostRunningAtOnce);
        }
    }

    @Test
    void anEventSourceMappingOfAPlainFunctionPollsItsQueue(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("{\"action\": \"enqueue\", \"queue\": \"mapped\", \"mode\": \"deliver\", \"text\": \"mapped\"}");
            Map<String, Object> report = EchoApiTest.parse(client.receive());

            assertEquals("mapped", report.get("text"));
            assertEquals(gateway.environment("EnqueueFunction").get("MAPPED_QUEUE_ARN"), report.get("eventSourceARN"));
        }
    }

    @Test
    void refAndGetAttOfAQueueResolveToTheLocalQueue(LocalGateway gateway) {
        Map<String, String> environment = gateway.environment("EnqueueFunction");
        String name = environment.get("QUEUE_NAME");
        String url = environment.get("QUEUE_URL");

        assertTrue(name.startsWith("Queue-"), name);
        assertEquals(LocalSqs.queueUrl(name), url);
        assertTrue(url.startsWith(LocalSqs.endpoint() + "/123456789012/"), url);
        assertEquals(url, environment.get("QUEUE_URL_ATTRIBUTE"));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:" + name, environment.get("QUEUE_ARN"));
        assertEquals(LocalSqs.endpoint().toString(), environment.get("AWS_ENDPOINT_URL_SQS"));
        Map<QueueAttributeName, String> attributes = LocalSqs.client()
                .getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals(environment.get("QUEUE_ARN"), attributes.get(QueueAttributeName.QUEUE_ARN));
        assertEquals("1", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertEquals("{\"deadLetterTargetArn\":\"" + environment.get("DEAD_LETTER_QUEUE_ARN") + "\",\"maxReceiveCount\":2}",
                attributes.get(QueueAttributeName.REDRIVE_POLICY));
    }

    @Test
    void stopsPollingWhenTheGatewayCloses() throws Exception {
        LocalGatewayConfig config = LocalGatewayConfig.forTemplate(Path.of("src/test/resources/templates/queue.yaml")).port(0)
                .out(new PrintStream(new ByteArrayOutputStream()));
        String queueName;
        try (LocalGateway gateway = LocalGateway.start(config)) {
            queueName = gateway.environment("EnqueueFunction").get("QUEUE_NAME");
            gateway.awaitFunctions();
            for (int attempt = 0; attempt < 100 && pollers(queueName).size() < 2; attempt++) {
                Thread.sleep(20);
            }
            assertEquals(2, pollers(queueName).size(), "MaximumConcurrency: 2");
        }

        assertEquals(List.of(), pollers(queueName));
    }

    @Test
    void refusesAFifoQueueNamingIt(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                    Properties:
                      ProtocolType: WEBSOCKET
                      RouteSelectionExpression: $request.body.action
                  Stage:
                    Type: AWS::ApiGatewayV2::Stage
                    Properties:
                      ApiId: !Ref Api
                      StageName: test
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      FifoQueue: true
                """);
        LocalGatewayConfig config = LocalGatewayConfig.forTemplate(template).port(0).out(new PrintStream(new ByteArrayOutputStream()));

        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class, () -> LocalGateway.start(config).close());
        assertEquals("Queue Orders is a FIFO queue (FifoQueue: true); the local gateway runs standard queues only", refusal.getMessage());
    }

    private static Map<String, Object> enqueue(WebSocketTestClient client, String mode, String text) throws Exception {
        client.send("{\"action\": \"enqueue\", \"mode\": \"" + mode + "\", \"text\": \"" + text + "\"}");
        return EchoApiTest.parse(client.receive());
    }

    /** The live threads that poll the queue. */
    private static List<Thread> pollers(String queueName) {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.getName().startsWith("sqs-" + queueName + "-")).toList();
    }

    private static Message awaitMessage(String queueUrl, String text) {
        for (int attempt = 0; attempt < 10; attempt++) {
            for (Message message : LocalSqs.client().receiveMessage(request -> request.queueUrl(queueUrl).waitTimeSeconds(1)).messages()) {
                if (message.body().contains(text)) {
                    return message;
                }
            }
        }
        throw new AssertionError("No message with " + text + " in " + queueUrl);
    }
}
