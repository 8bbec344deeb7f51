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

    @Test
    void theAuthorizerPicksTheApiKeyAndBothKeysAreInTheUsagePlan() {
        assertEquals("$context.authorizer.usageIdentifierKey",
                properties(mapOrEmpty(template.resources().get("WebSocketApi"))).get("ApiKeySelectionExpression"),
                "the authorizer picks the key, so clients without headers pass the key check");
        assertEquals(Set.of(Map.of("Ref", "ApiKey"), Map.of("Ref", "DefaultApiKey")), boundKeys());
    }

    @Test
    void theAuthorizerAssignsTheDefaultKeyTheTemplateCreates() {
        Map<String, Object> defaultKey = properties(mapOrEmpty(template.resources().get("DefaultApiKey")));
        Map<String, Object> variables = mapOrEmpty(mapOrEmpty(properties(mapOrEmpty(template.resources().get("AuthorizerFunction")))
                .get("Environment")).get("Variables"));
        assertEquals(defaultKey.get("Value"), variables.get(AuthorizerHandler.DEFAULT_API_KEY_VARIABLE));

        String value = template.resolve(defaultKey.get("Value"), "echo-app");
        assertTrue(value.length() >= 20, "API Gateway refuses keys shorter than 20 characters: " + value);
        assertTrue(value.endsWith("-00000000-0000-4000-8000-000000000000"), "unique to the stack: " + value);
    }

    @Test
    void connectIsAuthorizedByTheJwtAuthorizerFunction() {
        Map<String, Object> connectRoute = properties(connectRoute());
        assertEquals("CUSTOM", connectRoute.get("AuthorizationType"));
        String authorizerId = (String) mapOrEmpty(connectRoute.get("AuthorizerId")).get("Ref");
        Map<String, Object> authorizer = properties(mapOrEmpty(template.resources().get(authorizerId)));
        assertEquals("REQUEST", authorizer.get("AuthorizerType"));
        assertEquals(List.of("AWS::Partition", "AWS::Region", "AuthorizerFunction.Alias"), subVariables(authorizer.get("AuthorizerUri")));

        boolean permitted = template.resourcesOfType("AWS::Lambda::Permission").values().stream()
                .map(SamTemplate::properties)
                .anyMatch(permission -> Map.of("Ref", "AuthorizerFunction.Alias").equals(permission.get("FunctionName"))
                        && subText(permission.get("SourceArn")).contains("/authorizers/")
                        && subVariables(permission.get("SourceArn")).contains(authorizerId));
        assertTrue(permitted, "API Gateway may invoke the authorizer, for this API's authorizer only");

        Map<String, Object> variables = mapOrEmpty(mapOrEmpty(properties(mapOrEmpty(template.resources().get("AuthorizerFunction")))
                .get("Environment")).get("Variables"));
        assertEquals(Map.of("Ref", "JwksUrl"), variables.get("JWKS_URL"));
        assertEquals(Map.of("Ref", "JwtIssuer"), variables.get("JWT_ISSUER"));
        assertEquals(Map.of("Ref", "JwtAudience"), variables.get("JWT_AUDIENCE"));
        assertEquals(Map.of("Ref", "JwksCacheMinutes"), variables.get(TokenVerifier.JWKS_CACHE_MINUTES_VARIABLE));
    }

    private Map<String, Object> connectRoute() {
        return template.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .filter(route -> Routes.CONNECT.equals(properties(route).get("RouteKey"))).findFirst().orElseThrow();
    }

    private Set<Object> boundKeys() {
        return template.resourcesOfType("AWS::ApiGateway::UsagePlanKey").values().stream()
                .map(key -> properties(key).get("KeyId")).collect(Collectors.toSet());
    }
}
