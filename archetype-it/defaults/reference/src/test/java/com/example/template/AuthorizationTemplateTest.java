package com.example.template;

import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static dev.websocketkit.local.template.SamTemplate.subText;
import static dev.websocketkit.local.template.SamTemplate.subVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.auth.AuthorizerHandler;
import com.example.auth.TokenVerifier;
import com.example.handler.Routes;
import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Who may connect, as template.yaml declares it: the JWT authorizer on {@code $connect}, and the API key it picks. */
class AuthorizationTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    /** Browsers cannot send the key: the authorizer assigns them the stack's default key, which the usage plan must bind. */
    @Test
    void theAuthorizerPicksTheApiKeyFromTheKeysOfTheUsagePlan() {
        assertEquals("$context.authorizer.usageIdentifierKey", properties(resource("WebSocketApi")).get("ApiKeySelectionExpression"));
        assertEquals(Set.of(Map.of("Ref", "ApiKey"), Map.of("Ref", "DefaultApiKey")), template.resourcesOfType("AWS::ApiGateway::UsagePlanKey")
                .values().stream().map(key -> properties(key).get("KeyId")).collect(Collectors.toSet()));
        assertEquals(properties(resource("DefaultApiKey")).get("Value"), authorizerVariables().get(AuthorizerHandler.DEFAULT_API_KEY_VARIABLE));
    }

    @Test
    void connectIsAuthorizedByTheJwtAuthorizerFunction() {
        Map<String, Object> connectRoute = properties(template.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(route -> Routes.CONNECT.equals(properties(route).get("RouteKey"))).findFirst().orElseThrow());
        assertEquals("CUSTOM", connectRoute.get("AuthorizationType"));
        String authorizerId = (String) mapOrEmpty(connectRoute.get("AuthorizerId")).get("Ref");
        Map<String, Object> authorizer = properties(resource(authorizerId));
        assertEquals("REQUEST", authorizer.get("AuthorizerType"));
        assertEquals(List.of("AWS::Partition", "AWS::Region", "AuthorizerFunction.Alias"), subVariables(authorizer.get("AuthorizerUri")));

        boolean permitted = template.resourcesOfType("AWS::Lambda::Permission").values().stream()
                .map(SamTemplate::properties)
                .anyMatch(permission -> Map.of("Ref", "AuthorizerFunction.Alias").equals(permission.get("FunctionName"))
                        && subText(permission.get("SourceArn")).contains("/authorizers/")
                        && subVariables(permission.get("SourceArn")).contains(authorizerId));
        assertTrue(permitted, "API Gateway may invoke the authorizer, for this API's authorizer only");

        Map<String, Object> variables = authorizerVariables();
        assertEquals(Map.of("Ref", "JwksUrl"), variables.get(TokenVerifier.JWKS_URL_VARIABLE));
        assertEquals(Map.of("Ref", "JwtIssuer"), variables.get(TokenVerifier.ISSUER_VARIABLE));
        assertEquals(Map.of("Ref", "JwtAudience"), variables.get(TokenVerifier.AUDIENCE_VARIABLE));
        assertEquals(Map.of("Ref", "JwksCacheMinutes"), variables.get(TokenVerifier.JWKS_CACHE_MINUTES_VARIABLE));
    }

    private Map<String, Object> resource(String logicalId) {
        return mapOrEmpty(template.resources().get(logicalId));
    }

    private Map<String, Object> authorizerVariables() {
        return mapOrEmpty(mapOrEmpty(properties(resource("AuthorizerFunction")).get("Environment")).get("Variables"));
    }
}
