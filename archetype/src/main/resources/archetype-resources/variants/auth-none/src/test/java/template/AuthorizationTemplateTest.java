package ${package}.template;

import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.handler.Routes;
import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who may connect, as template.yaml declares it: anyone with the API key in its header. */
class AuthorizationTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void theApiKeyComesFromTheHeaderAndIsTheOnlyKeyOfTheUsagePlan() {
        assertEquals("$request.header.x-api-key", properties(mapOrEmpty(template.resources().get("WebSocketApi"))).get("ApiKeySelectionExpression"));
        assertEquals(Set.of(Map.of("Ref", "ApiKey")), template.resourcesOfType("AWS::ApiGateway::UsagePlanKey").values().stream()
                .map(key -> properties(key).get("KeyId")).collect(Collectors.toSet()));
    }

    @Test
    void connectNeedsOnlyTheApiKey() {
        assertEquals("NONE", properties(connectRoute()).get("AuthorizationType"));
        assertEquals(Map.of(), template.resourcesOfType("AWS::ApiGatewayV2::Authorizer"));
    }

    private Map<String, Object> connectRoute() {
        return template.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(route -> Routes.CONNECT.equals(properties(route).get("RouteKey"))).findFirst().orElseThrow();
    }
}
