package com.example.template;

import static dev.websocketkit.local.template.SamTemplate.listOrSingleton;
import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static dev.websocketkit.local.template.SamTemplate.subText;
import static dev.websocketkit.local.template.SamTemplate.subVariables;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.handler.ConnectHandler;
import com.example.handler.Routes;
import com.example.messaging.Json;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.websocketkit.local.template.SamTemplate;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Checks template.yaml against the code and against the rules a deployable, least-privilege stack follows. */
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
    void everyReferenceNamesSomethingTheTemplateDefines() {
        Set<String> undefined = new TreeSet<>();
        collectReferences(template.resources(), undefined);
        collectReferences(template.section("Outputs"), undefined);
        collectReferences(template.section("Globals"), undefined);
        template.resources().values().forEach(resource ->
                listOrSingleton(mapOrEmpty(resource).get("DependsOn")).forEach(target -> check((String) target, undefined)));
        assertEquals(Set.of(), undefined, "references to undefined parameters or resources");
    }

    @Test
    void connectRequiresAnApiKeyThatAUsagePlanBindsToTheStage() {
        Map<String, Object> api = properties(mapOrEmpty(template.resources().get("WebSocketApi")));
        assertEquals("WEBSOCKET", api.get("ProtocolType"));
        assertEquals("$request.body.message", api.get("RouteSelectionExpression"));

        Map<String, Object> connectRoute = properties(routesByKey().get(Routes.CONNECT));
        assertEquals(Boolean.TRUE, connectRoute.get("ApiKeyRequired"));

        Map<String, Object> usagePlan = properties(single("AWS::ApiGateway::UsagePlan"));
        Map<String, Object> apiStage = mapOrEmpty(listOrSingleton(usagePlan.get("ApiStages")).get(0));
        assertEquals(Map.of("Ref", "WebSocketApi"), apiStage.get("ApiId"));
        assertEquals(Map.of("Ref", "StageName"), apiStage.get("Stage"));

        Set<Object> boundKeys = new HashSet<>();
        for (Map<String, Object> usagePlanKey : template.resourcesOfType("AWS::ApiGateway::UsagePlanKey").values()) {
            assertEquals(Map.of("Ref", "UsagePlan"), properties(usagePlanKey).get("UsagePlanId"));
            boundKeys.add(properties(usagePlanKey).get("KeyId"));
        }
        assertTrue(boundKeys.contains(Map.of("Ref", "ApiKey")), "the stack's key is in the usage plan: " + boundKeys);
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

    @Test
    void everyFunctionLogsToALogGroupThatExpires() {
        for (Map.Entry<String, Map<String, Object>> function : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            Object logGroup = mapOrEmpty(template.functionProperty(function.getValue(), "LoggingConfig").orElse(null)).get("LogGroup");
            String logGroupId = (String) mapOrEmpty(logGroup).get("Ref");
            assertTrue(template.resourcesOfType("AWS::Logs::LogGroup").containsKey(logGroupId), function.getKey() + " logs to " + logGroup);
        }
        for (Map.Entry<String, Map<String, Object>> logGroup : template.resourcesOfType("AWS::Logs::LogGroup").entrySet()) {
            assertEquals(Map.of("Ref", "LogRetentionDays"), properties(logGroup.getValue()).get("RetentionInDays"), logGroup.getKey());
        }
    }

    @Test
    void theStageLogsAccessWithIdsButNeverATokenAKeyOrAMessageBody() throws Exception {
        Map<String, Object> stage = properties(single("AWS::ApiGatewayV2::Stage"));
        Map<String, Object> routeSettings = mapOrEmpty(stage.get("DefaultRouteSettings"));
        assertEquals(Boolean.FALSE, routeSettings.get("DataTraceEnabled"), "execution logs would show message bodies");
        assertEquals("ERROR", routeSettings.get("LoggingLevel"));

        Map<String, Object> accessLogs = mapOrEmpty(stage.get("AccessLogSettings"));
        assertEquals(Map.of("Fn::GetAtt", List.of("AccessLogs", "Arn")), accessLogs.get("DestinationArn"));
        String format = (String) accessLogs.get("Format");
        Map<?, ?> fields = (Map<?, ?>) Json.parse(format);
        for (String variable : List.of("$context.requestId", "$context.connectionId", "$context.routeKey", "$context.eventType",
                "$context.status", "$context.error.message", "$context.integration.error")) {
            assertTrue(fields.containsValue(variable), "access logs carry " + variable);
        }
        for (String secret : List.of("apiKey", "$request", "querystring", "header", "body")) {
            assertFalse(format.contains(secret), "access logs must not carry " + secret);
        }
    }

    /** A permissions boundary, when the template sets one for the functions, is on every role the stack creates. */
    @Test
    void everyRoleTheStackCreatesCarriesTheSamePermissionsBoundary() {
        Optional<Object> boundary = Optional.ofNullable(mapOrEmpty(template.section("Globals").get("Function")).get("PermissionsBoundary"));
        for (Map.Entry<String, Map<String, Object>> function : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            assertEquals(boundary, template.functionProperty(function.getValue(), "PermissionsBoundary"), function.getKey());
        }
        for (Map.Entry<String, Map<String, Object>> role : template.resourcesOfType("AWS::IAM::Role").entrySet()) {
            assertEquals(boundary, Optional.ofNullable(properties(role.getValue()).get("PermissionsBoundary")), role.getKey());
        }
    }

    @Test
    void functionsLogJsonLinesThatLambdaFiltersByLevelAndAreTraced() {
        Map<String, Object> globals = mapOrEmpty(template.section("Globals").get("Function"));
        Map<String, Object> logging = mapOrEmpty(globals.get("LoggingConfig"));
        assertEquals("JSON", logging.get("LogFormat"));
        assertEquals(Map.of("Ref", "LogLevel"), logging.get("ApplicationLogLevel"));
        List<Object> levels = listOrSingleton(mapOrEmpty(template.section("Parameters").get("LogLevel")).get("AllowedValues"));
        assertTrue(List.of("TRACE", "DEBUG", "INFO").containsAll(levels), "metrics are INFO lines: a higher level would drop them");
        assertEquals("Active", globals.get("Tracing"));
        assertEquals(Map.of("Ref", "AWS::StackName"),
                mapOrEmpty(mapOrEmpty(globals.get("Environment")).get("Variables")).get(Metrics.NAMESPACE_VARIABLE));
    }

    /** SnapStart is on wherever Lambda offers it, so that the stack deploys in every commercial Region. */
    @Test
    void snapStartIsOnWhereLambdaOffersItAndOffElsewhere() {
        Map<String, Object> function = template.resourcesOfType("AWS::Serverless::Function").values().iterator().next();
        assertEquals(Map.of("Fn::If", List.of("SnapStartUnavailable", "None", "PublishedVersions")),
                mapOrEmpty(template.functionProperty(function, "SnapStart").orElseThrow()).get("ApplyOn"));
        String unavailable = String.valueOf(template.section("Conditions").get("SnapStartUnavailable"));
        for (String region : List.of("ap-east-2", "ap-south-2", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
                "ca-west-1", "eu-central-2", "eu-south-2", "il-central-1", "mx-central-1", "me-central-1")) {
            assertTrue(unavailable.contains(", " + region + "]"), region + " in " + unavailable);
        }
        assertFalse(unavailable.contains("us-east-1"), "SnapStart is on in us-east-1");
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

    @Test
    void lambdaRuntimeMatchesTheJavaVersionTheCodeIsCompiledFor() throws IOException {
        Object runtime = template.functionProperty(template.resourcesOfType("AWS::Serverless::Function").values().iterator().next(), "Runtime")
                .orElseThrow();
        assertEquals("java" + classFileJavaVersion(ConnectHandler.class), runtime);
    }

    private Map<String, Map<String, Object>> routesByKey() {
        Map<String, Map<String, Object>> routes = new HashMap<>();
        template.resourcesOfType("AWS::ApiGatewayV2::Route").values()
                .forEach(route -> routes.put((String) properties(route).get("RouteKey"), route));
        return routes;
    }

    private Map<String, Object> single(String type) {
        Map<String, Map<String, Object>> resources = template.resourcesOfType(type);
        assertEquals(1, resources.size(), "resources of type " + type);
        return resources.values().iterator().next();
    }

    private void collectReferences(Object node, Set<String> undefined) {
        if (node instanceof Map) {
            Map<String, Object> map = mapOrEmpty(node);
            map.forEach((key, value) -> {
                if (key.equals("Ref")) {
                    check((String) value, undefined);
                } else if (key.equals("Fn::GetAtt")) {
                    check((String) listOrSingleton(value).get(0), undefined);
                } else if (key.equals("Fn::Sub")) {
                    Object localVariables = value instanceof List ? listOrSingleton(value).get(1) : Map.of();
                    subVariables(map).stream()
                            .filter(variable -> !mapOrEmpty(localVariables).containsKey(variable))
                            .forEach(variable -> check(variable, undefined));
                }
                collectReferences(value, undefined);
            });
        } else if (node instanceof List) {
            listOrSingleton(node).forEach(element -> collectReferences(element, undefined));
        }
    }

    private void check(String reference, Set<String> undefined) {
        String target = reference.contains(".") ? reference.substring(0, reference.indexOf('.')) : reference;
        boolean defined = reference.startsWith("AWS::")
                || template.section("Parameters").containsKey(target)
                || template.resources().containsKey(target);
        if (defined && (reference.endsWith(".Alias") || reference.endsWith(".Version"))) {
            defined = template.functionProperty(mapOrEmpty(template.resources().get(target)), "AutoPublishAlias").isPresent();
        }
        if (!defined) {
            undefined.add(reference);
        }
    }

    /** The Java release a class was compiled for, from its class file header. */
    private static int classFileJavaVersion(Class<?> type) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class");
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort() - 44;
        }
    }
}
