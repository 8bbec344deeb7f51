package ${package}.template;

import static dev.websocketkit.local.template.SamTemplate.listOrSingleton;
import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The operations alarms of template.yaml, read as CloudFormation reads them: its Fn::ForEach loop
 * expanded by the AWS::LanguageExtensions transform, before the SAM transform.
 */
class OperationsTemplateTest {

    private static final Object NOTIFY = Map.of("Fn::If", List.of("NotifyAlarms", List.of(Map.of("Ref", "AlarmTopicArn")),
            Map.of("Ref", "AWS::NoValue")));

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void theLanguageExtensionsExpandTheLoopBeforeTheSamTransform() {
        assertEquals(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"), template.transforms());
    }

    /** A function added to template.yaml goes in the collection of Fn::ForEach::FunctionAlarms. */
    @Test
    void everyFunctionHasAnErrorsAndAThrottlesAlarmThatNotifyTheAlarmTopic() {
        for (String metric : List.of("Errors", "Throttles")) {
            Set<String> unwatched = new TreeSet<>(template.resourcesOfType("AWS::Serverless::Function").keySet());
            template.resourcesOfType("AWS::CloudWatch::Alarm").forEach((logicalId, alarm) -> {
                Map<String, Object> properties = properties(alarm);
                if ("AWS/Lambda".equals(properties.get("Namespace")) && metric.equals(properties.get("MetricName"))) {
                    assertEquals(NOTIFY, properties.get("AlarmActions"), logicalId + " notifies AlarmTopicArn when it goes off");
                    assertEquals(NOTIFY, properties.get("OKActions"), logicalId + " notifies AlarmTopicArn when it recovers");
                    listOrSingleton(properties.get("Dimensions")).stream().map(SamTemplate::mapOrEmpty)
                            .filter(dimension -> "FunctionName".equals(dimension.get("Name")))
                            .forEach(dimension -> unwatched.remove(mapOrEmpty(dimension.get("Value")).get("Ref")));
                }
            });
            assertEquals(Set.of(), unwatched, "functions no " + metric + " alarm watches: add them to the collection of"
                    + " Fn::ForEach::FunctionAlarms in template.yaml");
        }
    }

    /**
     * The dashboard's errors and throttles widget searches AWS/Lambda for the names CloudFormation
     * gives functions, which start with the stack's: a function named otherwise would not be there.
     */
    @Test
    void everyFunctionIsNamedByCloudFormationSoTheDashboardFindsIt() {
        template.resourcesOfType("AWS::Serverless::Function").forEach((logicalId, function) ->
                assertFalse(properties(function).containsKey("FunctionName"), logicalId + " sets a FunctionName the dashboard does not find"));
    }
}
