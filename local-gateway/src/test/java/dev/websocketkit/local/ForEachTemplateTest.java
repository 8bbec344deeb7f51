// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.junit.WebSocketApiTest;
import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A template with the {@code AWS::LanguageExtensions} transform, whose routes, functions and
 * alarms are made by {@code Fn::ForEach} loops: the gateway runs what the loops make.
 */
@WebSocketApiTest(template = ForEachTemplateTest.TEMPLATE)
class ForEachTemplateTest {

    static final String TEMPLATE = "src/test/resources/templates/foreach.yaml";

    @Test
    void routesToTheFunctionsALoopMade(LocalGateway gateway) throws Exception {
        try (WebSocketTestClient client = gateway.connect()) {
            client.send("{\"action\": \"ping\"}");
            assertEquals("\"pong\"", client.receive());
            client.send("{\"action\": \"pang\"}");
            assertEquals("\"pong\"", client.receive());
        }
        assertEquals(gateway.callbackUri().toString(), gateway.environment("pangFunction").get("CALLBACK_URL"));
    }

    @Test
    void readsWhatTheLoopsMadeUnderTheirOwnLogicalIds() {
        SamTemplate template = SamTemplate.load(Path.of(TEMPLATE));

        assertEquals(List.of("AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"), template.transforms());
        assertEquals(List.of("pingFunctionErrorsAlarm", "pangFunctionErrorsAlarm"),
                List.copyOf(template.resourcesOfType("AWS::CloudWatch::Alarm").keySet()));
        assertEquals(List.of(Map.of("Name", "FunctionName", "Value", Map.of("Ref", "pangFunction"))),
                SamTemplate.properties(template.resource("pangFunctionErrorsAlarm")).get("Dimensions"));
        assertEquals(List.of("pingFunctionArn", "pangFunctionArn"), List.copyOf(template.section("Outputs").keySet()));
    }
}
