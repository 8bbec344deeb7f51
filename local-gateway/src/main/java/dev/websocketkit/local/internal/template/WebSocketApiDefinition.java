// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static dev.websocketkit.local.internal.template.TemplateDocument.listOrSingleton;
import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;
import static dev.websocketkit.local.internal.template.TemplateDocument.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a template says about its WebSocket API: the route and API key selection expressions, the
 * stage, the routes with the functions their integrations invoke and their authorizers, the
 * functions, and the resources the functions use (tables, queues).
 */
public final class WebSocketApiDefinition {

    /** How API Gateway picks a message's route: a field of the JSON body, or {@code $default} for every message. */
    public record RouteSelection(List<String> bodyPath) {

        public boolean everythingToDefault() {
            return bodyPath.isEmpty();
        }
    }

    /** Where the API key of a connection comes from. */
    public enum ApiKeySource { HEADER, AUTHORIZER }

    /** A route, the function its integration invokes, and its authorizer, if any. */
    public record Route(String routeKey, boolean apiKeyRequired, String functionId, Optional<Authorizer> authorizer) {
    }

    /** A Lambda REQUEST authorizer: its function and the identity sources a handshake must carry. */
    public record Authorizer(String logicalId, String functionId, List<String> identitySources) {
    }

    /** The logging controls of a function ({@code LoggingConfig}); values may still hold intrinsic functions. */
    public record Logging(Object logFormat, Object applicationLogLevel) {
    }

    /** An SQS queue that invokes a function, as a SAM {@code SQS} event or an {@code AWS::Lambda::EventSourceMapping}. */
    public record QueueEventSource(String functionId, String queueArn, int batchSize, boolean reportBatchItemFailures,
                                   int maximumConcurrency) {
    }

    /**
     * A function: its handler, its environment (intrinsic functions unresolved), limits, and the
     * most execution environments it may have at once ({@code ReservedConcurrentExecutions} when
     * the template gives a number).
     */
    public record Function(String logicalId, String handler, Map<String, Object> environment, int timeoutSeconds,
                           int memoryMegabytes, Optional<Logging> logging, OptionalInt reservedConcurrency) {

        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }

        public String handlerMethod() {
            int separator = handler.indexOf("::");
            return separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        }
    }

    private static final Pattern BODY_PATH = Pattern.compile("\\$request\\.body((?:\\.[\\w-]+)+)");
    private static final Pattern FUNCTION_ARN = Pattern.compile("arn:[^:]+:lambda:[^:]+:[^:]+:function:([^:/]+)(?::[^/]+)?");
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:[^:]+:sqs:[^:]+:[^:]+:[^:]+");
    private static final List<String> FUNCTION_TYPES = List.of("AWS::Serverless::Function", "AWS::Lambda::Function");

    private final TemplateDocument template;
    private final String apiId;
    private final Map<String, Object> api;

    private WebSocketApiDefinition(TemplateDocument template) {
        this.template = template;
        Map<String, Map<String, Object>> apis = new LinkedHashMap<>();
        template.resourcesOfType("AWS::ApiGatewayV2::Api").forEach((id, resource) -> {
            if ("WEBSOCKET".equals(properties(resource).get("ProtocolType"))) {
                apis.put(id, resource);
            }
        });
        if (apis.size() != 1) {
            throw new IllegalArgumentException("The template must define one AWS::ApiGatewayV2::Api with ProtocolType WEBSOCKET, found "
                    + apis.size());
        }
        this.apiId = apis.keySet().iterator().next();
        this.api = properties(apis.get(apiId));
    }

    public static WebSocketApiDefinition of(TemplateDocument template) {
        return new WebSocketApiDefinition(template);
    }

    public TemplateDocument template() {
        return template;
    }

    /** The logical id of the API resource. */
    public String apiId() {
        return apiId;
    }

    public RouteSelection routeSelection() {
        String expression = String.valueOf(api.get("RouteSelectionExpression"));
        if (expression.equals("$default")) {
            return new RouteSelection(List.of());
        }
        Matcher matcher = BODY_PATH.matcher(expression);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("The local gateway supports a RouteSelectionExpression of the form "
                    + "$request.body.<field> or $default, not " + expression);
        }
        return new RouteSelection(List.of(matcher.group(1).substring(1).split("\\.")));
    }

    public ApiKeySource apiKeySource() {
        Object expression = api.getOrDefault("ApiKeySelectionExpression", "$request.header.x-api-key");
        switch (String.valueOf(expression)) {
            case "$request.header.x-api-key":
                return ApiKeySource.HEADER;
            case "$context.authorizer.usageIdentifierKey":
                return ApiKeySource.AUTHORIZER;
            default:
                throw new IllegalArgumentException("ApiKeySelectionExpression must be $request.header.x-api-key or "
                        + "$context.authorizer.usageIdentifierKey, not " + expression);
        }
    }

    /** The name of the API's stage. */
    public String stageName(Intrinsics intrinsics) {
        return template.resourcesOfType("AWS::ApiGatewayV2::Stage").values().stream()
                .map(TemplateDocument::properties)
                .filter(stage -> apiId.equals(mapOrEmpty(stage.get("ApiId")).get("Ref")))
                .map(stage -> intrinsics.resolve(stage.get("StageName")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The template defines no AWS::ApiGatewayV2::Stage for " + apiId));
    }

    /** The API's routes by route key, with intrinsic functions resolved through {@code intrinsics}. */
    public Map<String, Route> routes(Intrinsics intrinsics) {
        Map<String, String> functionIdsByName = functionIdsByName(intrinsics);
        Map<String, Route> routes = new LinkedHashMap<>();
        template.resourcesOfType("AWS::ApiGatewayV2::Route").forEach((logicalId, resource) -> {
            Map<String, Object> route = properties(resource);
            String routeKey = intrinsics.resolve(route.get("RouteKey"));
            String target = intrinsics.resolve(route.get("Target"));
            if (target == null || !target.startsWith("integrations/")) {
                throw new IllegalArgumentException(logicalId + ".Target must be integrations/<integration id>, not " + target);
            }
            String integrationId = target.substring("integrations/".length());
            Map<String, Object> integration = properties(template.resource(integrationId));
            if (!"AWS_PROXY".equals(integration.get("IntegrationType"))) {
                throw new IllegalArgumentException("The local gateway runs AWS_PROXY (Lambda) integrations; "
                        + integrationId + " is " + integration.get("IntegrationType"));
            }
            String functionId = functionOf(intrinsics.resolve(integration.get("IntegrationUri")), functionIdsByName, integrationId);
            Optional<Authorizer> authorizer = "CUSTOM".equals(route.get("AuthorizationType"))
                    ? Optional.of(authorizer(intrinsics.resolve(route.get("AuthorizerId")), intrinsics, functionIdsByName))
                    : Optional.empty();
            routes.put(routeKey, new Route(routeKey, Boolean.TRUE.equals(route.get("ApiKeyRequired")), functionId, authorizer));
        });
        return routes;
    }

    /** The values the template gives its API keys ({@code AWS::ApiGateway::ApiKey} with a {@code Value}). */
    public List<String> apiKeyValues(Intrinsics intrinsics) {
        return template.resourcesOfType("AWS::ApiGateway::ApiKey").values().stream()
                .map(TemplateDocument::properties)
                .filter(key -> key.containsKey("Value"))
                .map(key -> intrinsics.resolve(key.get("Value")))
                .toList();
    }

    /** Whether a route of the API has a Lambda authorizer. */
    /**
     * The parameters that take an identity provider's JWKS URL, issuer and audience, in that order,
     * as the template's {@code Metadata.LocalGateway.IdentityParameters} names them; empty when it
     * names none.
     */
    public List<String> identityParameters() {
        Map<String, Object> named = mapOrEmpty(mapOrEmpty(template.section("Metadata").get("LocalGateway")).get("IdentityParameters"));
        if (named.isEmpty()) {
            return List.of();
        }
        List<String> parameters = new ArrayList<>();
        for (String role : List.of("JwksUrl", "Issuer", "Audience")) {
            Object parameter = named.get(role);
            if (!(parameter instanceof String) || !template.section("Parameters").containsKey(parameter)) {
                throw new IllegalArgumentException("Metadata.LocalGateway.IdentityParameters." + role
                        + " must name a parameter of the template, not " + parameter);
            }
            parameters.add((String) parameter);
        }
        return parameters;
    }

    public boolean hasAuthorizer() {
        return template.resourcesOfType("AWS::ApiGatewayV2::Route").values().stream()
                .anyMatch(route -> "CUSTOM".equals(properties(route).get("AuthorizationType")));
    }

    /** Every function of the template by logical id. */
    public Map<String, Function> functions() {
        Map<String, Function> functions = new LinkedHashMap<>();
        for (String type : FUNCTION_TYPES) {
            template.resourcesOfType(type).keySet().forEach(id -> functions.put(id, function(id)));
        }
        return functions;
    }

    public Function function(String logicalId) {
        Map<String, Object> resource = template.resource(logicalId);
        boolean serverless = "AWS::Serverless::Function".equals(resource.get("Type"));
        String handler = (String) property(resource, "Handler", serverless)
                .orElseThrow(() -> new IllegalArgumentException(logicalId + " has no Handler"));
        Map<String, Object> environment = new LinkedHashMap<>();
        if (serverless) {
            environment.putAll(variables(mapOrEmpty(template.section("Globals").get("Function")).get("Environment")));
        }
        environment.putAll(variables(properties(resource).get("Environment")));
        int timeout = Integer.parseInt(String.valueOf(property(resource, "Timeout", serverless).orElse(3)));
        int memory = Integer.parseInt(String.valueOf(property(resource, "MemorySize", serverless).orElse(128)));
        Optional<Logging> logging = property(resource, "LoggingConfig", serverless)
                .map(TemplateDocument::mapOrEmpty)
                .map(config -> new Logging(config.get("LogFormat"), config.get("ApplicationLogLevel")));
        OptionalInt reserved = properties(resource).get("ReservedConcurrentExecutions") instanceof Number number
                ? OptionalInt.of(number.intValue()) : OptionalInt.empty();
        return new Function(logicalId, handler, environment, timeout, memory, logging, reserved);
    }

    /** DynamoDB tables by logical id, with their properties. */
    public Map<String, Map<String, Object>> tables() {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((logicalId, table) -> tables.put(logicalId, properties(table)));
        return tables;
    }

    /** SQS queues by logical id, with their properties. */
    public Map<String, Map<String, Object>> queues() {
        Map<String, Map<String, Object>> queues = new LinkedHashMap<>();
        template.resourcesOfType("AWS::SQS::Queue").forEach((logicalId, queue) -> queues.put(logicalId, properties(queue)));
        return queues;
    }

    /**
     * The SQS event sources of the template's functions, with queue ARNs resolved: the {@code SQS}
     * events of its serverless functions, and the {@code AWS::Lambda::EventSourceMapping}s whose
     * {@code EventSourceArn} is a queue and whose {@code FunctionName} is a function of the template.
     * Sources with {@code Enabled: false} are left out.
     */
    public List<QueueEventSource> queueEventSources(Intrinsics intrinsics) {
        List<QueueEventSource> sources = new ArrayList<>();
        template.resourcesOfType("AWS::Serverless::Function").forEach((functionId, function) ->
                mapOrEmpty(properties(function).get("Events")).values().stream()
                        .map(TemplateDocument::mapOrEmpty)
                        .filter(event -> "SQS".equals(event.get("Type")))
                        .map(TemplateDocument::properties)
                        .filter(event -> enabled(event, intrinsics))
                        .forEach(event -> sources.add(queueEventSource(functionId, intrinsics.resolve(event.get("Queue")), event, intrinsics))));
        Map<String, String> functionIdsByName = functionIdsByName(intrinsics);
        Set<String> queueIds = queues().keySet();
        template.resourcesOfType("AWS::Lambda::EventSourceMapping").values().stream()
                .map(TemplateDocument::properties)
                .filter(mapping -> enabled(mapping, intrinsics))
                .forEach(mapping -> {
                    Object source = mapping.get("EventSourceArn");
                    List<Object> getAtt = listOrSingleton(mapOrEmpty(source).get("Fn::GetAtt"));
                    if (!getAtt.isEmpty() && !queueIds.contains(String.valueOf(getAtt.get(0)))) {
                        return; // a stream or a broker of the template: its attributes have no local value
                    }
                    String queueArn = String.valueOf(intrinsics.resolve(source));
                    String functionId = functionIdsByName.get(functionName(intrinsics.resolve(mapping.get("FunctionName"))));
                    if (QUEUE_ARN.matcher(queueArn).matches() && functionId != null) {
                        sources.add(queueEventSource(functionId, queueArn, mapping, intrinsics));
                    }
                });
        return sources;
    }

    private Authorizer authorizer(String authorizerId, Intrinsics intrinsics, Map<String, String> functionIdsByName) {
        Map<String, Object> authorizer = properties(template.resource(authorizerId));
        if (!"REQUEST".equals(authorizer.get("AuthorizerType"))) {
            throw new IllegalArgumentException("The local gateway runs REQUEST authorizers; " + authorizerId + " is "
                    + authorizer.get("AuthorizerType"));
        }
        String functionId = functionOf(intrinsics.resolve(authorizer.get("AuthorizerUri")), functionIdsByName, authorizerId);
        List<String> identitySources = listOrSingleton(authorizer.get("IdentitySource")).stream()
                .map(intrinsics::resolve)
                .toList();
        return new Authorizer(authorizerId, functionId, identitySources);
    }

    private Optional<Object> property(Map<String, Object> resource, String name, boolean serverless) {
        return serverless ? template.functionProperty(resource, name) : Optional.ofNullable(properties(resource).get(name));
    }

    /**
     * An event source from the properties of an {@code SQS} event or an {@code AWS::Lambda::EventSourceMapping}:
     * {@code BatchSize} (10 by default), {@code FunctionResponseTypes} and {@code ScalingConfig.MaximumConcurrency}
     * (5 by default, the number of pollers Lambda starts with).
     */
    private static QueueEventSource queueEventSource(String functionId, String queueArn, Map<String, Object> source, Intrinsics intrinsics) {
        return new QueueEventSource(functionId, queueArn,
                Integer.parseInt(intrinsics.resolve(source.getOrDefault("BatchSize", 10))),
                listOrSingleton(source.get("FunctionResponseTypes")).stream().map(intrinsics::resolve).anyMatch("ReportBatchItemFailures"::equals),
                Integer.parseInt(intrinsics.resolve(mapOrEmpty(source.get("ScalingConfig")).getOrDefault("MaximumConcurrency", 5))));
    }

    private static boolean enabled(Map<String, Object> source, Intrinsics intrinsics) {
        return !"false".equalsIgnoreCase(intrinsics.resolve(source.getOrDefault("Enabled", true)));
    }

    /** The function a mapping's {@code FunctionName} names: a name, a name with an alias or version, or an ARN. */
    private static String functionName(String nameOrArn) {
        Matcher arn = FUNCTION_ARN.matcher(nameOrArn);
        if (arn.matches()) {
            return arn.group(1);
        }
        int qualifier = nameOrArn.indexOf(':');
        return qualifier < 0 ? nameOrArn : nameOrArn.substring(0, qualifier);
    }

    private Map<String, String> functionIdsByName(Intrinsics intrinsics) {
        Map<String, String> ids = new LinkedHashMap<>();
        functions().keySet().forEach(id -> ids.put(intrinsics.resolve(Map.of("Ref", id)), id));
        return ids;
    }

    /** The function an integration or authorizer URI invokes: {@code arn:...:apigateway:...:lambda:path/.../functions/<function arn>/invocations}. */
    private static String functionOf(String uri, Map<String, String> functionIdsByName, String where) {
        Matcher matcher = FUNCTION_ARN.matcher(String.valueOf(uri));
        if (!matcher.find() || !functionIdsByName.containsKey(matcher.group(1))) {
            throw new IllegalArgumentException(where + " must invoke a function of the template, not " + uri);
        }
        return functionIdsByName.get(matcher.group(1));
    }

    private static Map<String, Object> variables(Object environment) {
        return mapOrEmpty(mapOrEmpty(environment).get("Variables"));
    }
}
