package ${package}.template;

import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.broadcast.BroadcastPage;
import ${package}.broadcast.FanOut;
import ${package}.handler.BroadcastHandler;
import ${package}.messaging.Json;
import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The broadcast route's part of template.yaml: the fan-out queue, its workers and their retries. */
class BroadcastTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void aBroadcastFansOutToWorkersThatRetryOnlyWhatFailed() {
        Map<String, Object> worker = properties(mapOrEmpty(template.resources().get("BroadcastWorkerFunction")));
        Map<String, Object> source = properties(mapOrEmpty(mapOrEmpty(worker.get("Events")).get("Pages")));
        assertEquals(Map.of("Fn::GetAtt", List.of("BroadcastQueue", "Arn")), source.get("Queue"));
        assertEquals(List.of("ReportBatchItemFailures"), source.get("FunctionResponseTypes"));
        assertEquals(Map.of("Ref", "BroadcastWorkers"), mapOrEmpty(source.get("ScalingConfig")).get("MaximumConcurrency"));

        Map<String, Object> queue = properties(mapOrEmpty(template.resources().get("BroadcastQueue")));
        int workerTimeout = ((Number) template.functionProperty(mapOrEmpty(template.resources().get("BroadcastWorkerFunction")), "Timeout")
                .orElseThrow()).intValue();
        assertTrue(((Number) queue.get("VisibilityTimeout")).intValue() >= 6 * workerTimeout,
                "AWS asks for a visibility timeout of six worker timeouts");
        Map<String, Object> redrive = mapOrEmpty(queue.get("RedrivePolicy"));
        assertEquals(Map.of("Fn::GetAtt", List.of("BroadcastDeadLetterQueue", "Arn")), redrive.get("deadLetterTargetArn"));
        assertTrue(((Number) redrive.get("maxReceiveCount")).intValue() >= 5, "AWS asks for five receives at least");

        for (String function : List.of("BroadcastFunction", "BroadcastWorkerFunction")) {
            Map<String, Object> variables = mapOrEmpty(mapOrEmpty(properties(mapOrEmpty(template.resources().get(function)))
                    .get("Environment")).get("Variables"));
            assertEquals(Map.of("Ref", "BroadcastQueue"), variables.get(FanOut.QUEUE_URL_VARIABLE), function);
            assertEquals(Map.of("Ref", "BroadcastDeadLetterQueue"), variables.get(FanOut.DEAD_LETTER_QUEUE_URL_VARIABLE), function);
        }
        Map<String, Object> broadcastVariables = mapOrEmpty(mapOrEmpty(properties(mapOrEmpty(template.resources().get("BroadcastFunction")))
                .get("Environment")).get("Variables"));
        assertEquals(Map.of("Ref", "BroadcastFanOutThreshold"), broadcastVariables.get(BroadcastHandler.FAN_OUT_THRESHOLD_VARIABLE));
        assertEquals(Map.of("Ref", "BroadcastIntervalSeconds"), broadcastVariables.get(BroadcastHandler.INTERVAL_VARIABLE));
    }

    @Test
    void theWorkersSampleEventCarriesAPage() throws Exception {
        Map<?, ?> record = (Map<?, ?>) ((List<?>) ((Map<?, ?>) Json.parse(Files.readString(Path.of("events/broadcast-page.json"))))
                .get("Records")).get(0);

        assertEquals(List.of("L0SM9cOFvHcCIhw=", "L0SNAdfhvHcCEjQ="), BroadcastPage.parse((String) record.get("body")).connectionIds());
    }
}
