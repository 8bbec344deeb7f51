package ${package}.template;

import static dev.websocketkit.local.template.SamTemplate.listOrSingleton;
import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static dev.websocketkit.local.template.SamTemplate.subText;
import static dev.websocketkit.local.template.SamTemplate.subVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ${package}.handler.Routes;
import ${package}.messaging.Json;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** template.yaml's wiring: every route to a handler of this project, with its permission, and least-privilege IAM. */
class TemplateTest {

    private static final Set<String> BUILT_IN_ROUTES = Set.of(Routes.CONNECT, Routes.DISCONNECT, Routes.DEFAULT);

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void everyFunctionHandlerIsALambdaHandlerOfThisProject() throws Exception {
        Map<String, Map<String, Object>> functions = template.resourcesOfType("AWS::Serverless::Function");
        assertFalse(functions.isEmpty(), "functions in template.yaml");
        for (Map.Entry<String, Map<String, Object>> function : functions.entrySet()) {
            String handler = (String) properties(function.getValue()).get("Handler");
            assertTrue(handler != null && handler.endsWith("::handleRequest"), function.getKey() + " Handler: " + handler);
            Class<?> handlerClass = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(RequestHandler.class.isAssignableFrom(handlerClass), handlerClass + " is a RequestHandler");
            handlerClass.getConstructor();
        }
    }

    @Test
    void everyRouteInvokesItsFunctionAliasWithPermissionForThatRouteOnly() {
        Map<String, Map<String, Object>> routes = routesByKey();
        Set<String> codeRoutes = new TreeSet<>(BUILT_IN_ROUTES);
        codeRoutes.addAll(Routes.MESSAGE_ROUTES);
        Set<String> undeclared = new TreeSet<>(codeRoutes);
        undeclared.removeAll(routes.keySet());
        assertEquals(Set.of(), undeclared, "routes the code has that template.yaml declares no AWS::ApiGatewayV2::Route for");
        Set<String> unlisted = new TreeSet<>(routes.keySet());
        unlisted.removeAll(codeRoutes);
        assertEquals(Set.of(), unlisted, "routes template.yaml declares that Routes.MESSAGE_ROUTES does not list");

        for (Map.Entry<String, Map<String, Object>> route : routes.entrySet()) {
            String integrationId = subVariables(properties(route.getValue()).get("Target")).get(0);
            Map<String, Object> integration = properties(mapOrEmpty(template.resources().get(integrationId)));
            assertEquals("AWS_PROXY", integration.get("IntegrationType"), route.getKey());
            String aliasReference = subVariables(integration.get("IntegrationUri")).stream()
                    .filter(variable -> variable.endsWith(".Alias"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(route.getKey() + " does not invoke a function alias"));

            boolean permitted = template.resourcesOfType("AWS::Lambda::Permission").values().stream()
                    .map(SamTemplate::properties)
                    .anyMatch(permission -> Map.of("Ref", aliasReference).equals(permission.get("FunctionName"))
                            && subText(permission.get("SourceArn")).endsWith("/${StageName}/" + route.getKey()));
            assertTrue(permitted, route.getKey() + " has a permission scoped to its route and stage");
        }
    }

    @Test
    void iamStatementsGrantNoWildcardActionsAndOnlyThisStacksResources() {
        List<Map<String, Object>> statements = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").values().forEach(function ->
                listOrSingleton(properties(function).get("Policies")).forEach(policy ->
                        listOrSingleton(mapOrEmpty(policy).get("Statement")).forEach(statement -> statements.add(mapOrEmpty(statement)))));
        template.resourcesOfType("AWS::IAM::ManagedPolicy").values().forEach(policy ->
                listOrSingleton(mapOrEmpty(properties(policy).get("PolicyDocument")).get("Statement"))
                        .forEach(statement -> statements.add(mapOrEmpty(statement))));
        assertFalse(statements.isEmpty(), "the template grants something");

        for (Map<String, Object> statement : statements) {
            for (Object action : listOrSingleton(statement.get("Action"))) {
                String name = (String) action;
                assertFalse(name.contains("*"), "wildcard action " + name);
                Object resource = statement.get("Resource");
                if (name.equals("execute-api:ManageConnections")) {
                    assertEquals(List.of("AWS::Partition", "AWS::Region", "AWS::AccountId", "WebSocketApi", "StageName"), subVariables(resource),
                            "ManageConnections is scoped to this API's stage");
                    assertTrue(subText(resource).endsWith("/POST/@connections/*"), "ManageConnections is scoped to posting");
                } else {
                    for (Object target : listOrSingleton(resource)) {
                        List<Object> attribute = listOrSingleton(mapOrEmpty(target).get("Fn::GetAtt"));
                        assertTrue(attribute.size() == 2 && "Arn".equals(attribute.get(1)) && template.resources().containsKey(attribute.get(0)),
                                name + " is scoped to a resource of the stack, not to " + target);
                    }
                }
            }
        }
    }

    /** No header, query string or body in the stage's logs, so no token, API key or message either. */
    @Test
    void theStageLogsNoTokenKeyOrMessageBody() {
        Map<String, Object> stage = properties(template.resourcesOfType("AWS::ApiGatewayV2::Stage").values().iterator().next());
        assertEquals(Boolean.FALSE, mapOrEmpty(stage.get("DefaultRouteSettings")).get("DataTraceEnabled"), "execution logs would show bodies");
        String accessLogFormat = (String) mapOrEmpty(stage.get("AccessLogSettings")).get("Format");
        for (String secret : List.of("apiKey", "$request", "querystring", "header", "body")) {
            assertFalse(accessLogFormat.contains(secret), "access logs must not carry " + secret);
        }
    }

    @Test
    void everyRouteHasASampleEventForSamLocalInvoke() throws Exception {
        Set<String> sampleRouteKeys = new HashSet<>();
        try (DirectoryStream<Path> events = Files.newDirectoryStream(Path.of("events"), "*.json")) {
            for (Path event : events) {
                Map<?, ?> requestContext = (Map<?, ?>) ((Map<?, ?>) Json.parse(Files.readString(event))).get("requestContext");
                if (requestContext != null) {
                    sampleRouteKeys.add((String) requestContext.get("routeKey"));
                }
            }
        }
        assertEquals(routesByKey().keySet(), sampleRouteKeys, "route keys of events/*.json");
    }

    private Map<String, Map<String, Object>> routesByKey() {
        Map<String, Map<String, Object>> routes = new HashMap<>();
        template.resourcesOfType("AWS::ApiGatewayV2::Route").values()
                .forEach(route -> routes.put((String) properties(route).get("RouteKey"), route));
        return routes;
    }
}
