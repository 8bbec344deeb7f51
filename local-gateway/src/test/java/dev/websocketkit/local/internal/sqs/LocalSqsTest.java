// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

class LocalSqsTest {

    @Test
    void listensOnTheLoopbackOnly() {
        assertEquals("127.0.0.1", LocalSqs.endpoint().getHost());
    }

    @Test
    void createsAQueueFromItsCloudFormationPropertiesUnderTheUrlAndArnItAnnounces() {
        String deadLetterQueue = LocalSqs.newQueueName("dlq");
        String queue = LocalSqs.newQueueName("queue");
        LocalSqs.createQueue(deadLetterQueue, Map.of());

        String url = LocalSqs.createQueue(queue, Map.of(
                "VisibilityTimeout", "7",
                "DelaySeconds", "2",
                "ReceiveMessageWaitTimeSeconds", "3",
                "RedrivePolicy", Map.of("deadLetterTargetArn", LocalSqs.queueArn(deadLetterQueue), "maxReceiveCount", "4")));

        assertEquals(LocalSqs.queueUrl(queue), url);
        Map<QueueAttributeName, String> attributes = LocalSqs.client()
                .getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.ALL)).attributes();
        assertEquals(LocalSqs.queueArn(queue), attributes.get(QueueAttributeName.QUEUE_ARN));
        assertEquals("arn:aws:sqs:us-east-1:123456789012:" + queue, LocalSqs.queueArn(queue));
        assertEquals("7", attributes.get(QueueAttributeName.VISIBILITY_TIMEOUT));
        assertEquals("2", attributes.get(QueueAttributeName.DELAY_SECONDS));
        assertEquals("3", attributes.get(QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS));
        assertEquals("{\"deadLetterTargetArn\":\"" + LocalSqs.queueArn(deadLetterQueue) + "\",\"maxReceiveCount\":4}",
                attributes.get(QueueAttributeName.REDRIVE_POLICY));
    }

    @Test
    void readsARedrivePolicyGivenAsJsonText() {
        String deadLetterQueue = LocalSqs.newQueueName("dlq");
        LocalSqs.createQueue(deadLetterQueue, Map.of());
        String policy = "{\"deadLetterTargetArn\":\"" + LocalSqs.queueArn(deadLetterQueue) + "\",\"maxReceiveCount\":5}";

        String url = LocalSqs.createQueue(LocalSqs.newQueueName("queue"), Map.of("RedrivePolicy", policy));

        assertEquals(policy, LocalSqs.client().getQueueAttributes(request -> request.queueUrl(url).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY));
    }

    @Test
    void refusesAFifoQueueNamingIt() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> LocalSqs.createQueue("orders", Map.of("FifoQueue", "true")));

        assertEquals("Queue orders is a FIFO queue (FifoQueue: true); the local gateway runs standard queues only", refusal.getMessage());
    }

    @Test
    void makesUniqueNamesThatFitSqsLimit() {
        String prefix = "A".repeat(100);

        assertNotEquals(LocalSqs.newQueueName("Queue"), LocalSqs.newQueueName("Queue"));
        assertTrue(LocalSqs.newQueueName("Queue").startsWith("Queue-"));
        assertEquals(80, LocalSqs.newQueueName(prefix).length());
    }

    /**
     * In a JVM like websocket-local:run's, which logs through jetty-slf4j-impl with Jetty's own
     * loggers at WARN; Pekko's at DEBUG, to show that Pekko itself publishes no more than warnings.
     */
    @Test
    void startsAndServesPrintingNothingButWarningsAndLetsTheJvmExit(@TempDir Path dir) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                + File.pathSeparator + System.getProperty("jetty-slf4j-impl.jar");
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Dorg.eclipse.jetty.LEVEL=WARN", "-Dorg.apache.pekko.LEVEL=DEBUG", SendAndReceive.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = process.waitFor(30, TimeUnit.SECONDS);
        process.destroyForcibly();

        String errors = Files.readString(err);
        assertTrue(exited, "the JVM exits once main returns: " + errors);
        assertEquals("received: hello", Files.readString(out).strip(), errors);
        List<String> notWarnings = errors.lines()
                .filter(line -> !line.startsWith("WARNING: ")) // the JVM's own, e.g. Pekko's use of sun.misc.Unsafe on Java 24 and later
                .filter(line -> !line.matches("\\S+ \\S+:(WARN |ERROR):.*"))
                .toList();
        assertEquals(List.of(), notWarnings, errors);
    }

    /** Starts ElasticMQ, sends a message through a queue and prints it. */
    public static final class SendAndReceive {

        public static void main(String[] args) {
            String url = LocalSqs.createQueue(LocalSqs.newQueueName("quiet"), Map.of());
            LocalSqs.client().sendMessage(request -> request.queueUrl(url).messageBody("hello"));
            String body = LocalSqs.client().receiveMessage(request -> request.queueUrl(url).waitTimeSeconds(1)).messages().get(0).body();
            System.out.println("received: " + body);
        }
    }
}
