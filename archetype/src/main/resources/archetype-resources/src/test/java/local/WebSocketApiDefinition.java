package ${package}.local;

import static ${package}.template.SamTemplate.mapOrEmpty;
import static ${package}.template.SamTemplate.properties;

import ${package}.template.SamTemplate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the local gateway emulates, read from {@code template.yaml}: the WebSocket API's selection
 * expressions, its stage, its routes and the functions behind them, and the tables they use.
 */
public final class WebSocketApiDefinition {

    /** A route, the function its integration invokes and the function of its authorizer, if any. */
    public record Route(String routeKey, boolean apiKeyRequired, String functionId, String authorizerFunctionId) {
    }

    /** A function: its handler class and its environment variables, intrinsic functions unresolved. */
    public record Function(String logicalId, String handlerClass, Map<String, Object> environment) {
    }

    private static final Pattern BODY_FIELD = Pattern.compile("#[[\\$request\\.body\\.(\\w+)]]#");
    private static final Pattern HEADER = Pattern.compile("#[[\\$request\\.header\\.([\\w-]+)]]#");

    private final SamTemplate template;
    private final String apiId;
    private final Map<String, Object> api;

    private WebSocketApiDefinition(SamTemplate template) {
        this.template = template;
        Map<String, Map<String, Object>> apis = template.resourcesOfType("AWS::ApiGatewayV2::Api");
        if (apis.size() != 1) {
            throw new IllegalArgumentException("template.yaml must define one AWS::ApiGatewayV2::Api, found " + apis.size());
        }
        this.apiId = apis.keySet().iterator().next();
        this.api = properties(apis.get(apiId));
    }

    public static WebSocketApiDefinition from(SamTemplate template) {
        return new WebSocketApiDefinition(template);
    }

    public SamTemplate template() {
        return template;
    }

    /** The logical id of the API resource. */
    public String apiId() {
        return apiId;
    }

    /** The JSON field whose value names the route, from a route selection expression {@code #[[$request.body.<field>]]#}. */
    public String routeSelectionField() {
        return match(BODY_FIELD, "RouteSelectionExpression");
    }

    /** The handshake header that carries the API key, from {@code #[[$request.header.<name>]]#}. */
    public String apiKeyHeader() {
        return match(HEADER, "ApiKeySelectionExpression");
    }

    /** The stage name: the {@code StageName} of the API's stage, with parameters at their defaults. */
    public String stage(LocalIntrinsics intrinsics) {
        return template.resourcesOfType("AWS::ApiGatewayV2::Stage").values().stream()
                .map(stage -> intrinsics.resolve(properties(stage).get("StageName")))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("template.yaml defines no AWS::ApiGatewayV2::Stage"));
    }

    public Map<String, Route> routes() {
        Map<String, Route> routes = new LinkedHashMap<>();
        template.resourcesOfType("AWS::ApiGatewayV2::Route").forEach((logicalId, resource) -> {
            Map<String, Object> route = properties(resource);
            String routeKey = (String) route.get("RouteKey");
            String integrationId = firstSubReference(route.get("Target"), logicalId + ".Target");
            Map<String, Object> integration = properties(mapOrEmpty(template.resources().get(integrationId)));
            String functionId = firstSubReference(integration.get("IntegrationUri"), integrationId + ".IntegrationUri");
            String authorizerId = (String) mapOrEmpty(route.get("AuthorizerId")).get("Ref");
            String authorizerFunctionId = authorizerId == null ? null : firstSubReference(
                    properties(mapOrEmpty(template.resources().get(authorizerId))).get("AuthorizerUri"), authorizerId + ".AuthorizerUri");
            routes.put(routeKey, new Route(routeKey, Boolean.TRUE.equals(route.get("ApiKeyRequired")), functionId, authorizerFunctionId));
        });
        return routes;
    }

    public Function function(String logicalId) {
        Map<String, Object> function = mapOrEmpty(template.resources().get(logicalId));
        String handler = template.functionProperty(function, "Handler")
                .map(String.class::cast)
                .orElseThrow(() -> new IllegalArgumentException(logicalId + " has no Handler"));
        Map<String, Object> environment = new LinkedHashMap<>(variables(
                mapOrEmpty(template.section("Globals").get("Function")).get("Environment")));
        environment.putAll(variables(properties(function).get("Environment")));
        return new Function(logicalId, handler.substring(0, handler.indexOf("::")), environment);
    }

    /** DynamoDB tables by logical id, with their properties. */
    public Map<String, Map<String, Object>> tables() {
        Map<String, Map<String, Object>> tables = new LinkedHashMap<>();
        template.resourcesOfType("AWS::DynamoDB::Table").forEach((logicalId, table) -> tables.put(logicalId, properties(table)));
        return tables;
    }

    private String match(Pattern pattern, String property) {
        Object expression = api.get(property);
        Matcher matcher = pattern.matcher(String.valueOf(expression));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("The local gateway supports " + property + " of the form "
                    + pattern.pattern().replace("\\", "") + ", not " + expression);
        }
        return matcher.group(1);
    }

    private static Map<String, Object> variables(Object environment) {
        return mapOrEmpty(mapOrEmpty(environment).get("Variables"));
    }

    /** The logical id in the first {@code #[[${Id}]]#} or {@code #[[${Id.Attribute}]]#} of a {@code !Sub}. */
    private static String firstSubReference(Object value, String where) {
        return SamTemplate.subVariables(value).stream()
                .filter(variable -> !variable.startsWith("AWS::"))
                .map(variable -> variable.split("\\.")[0])
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + " must be a !Sub naming a resource, not " + value));
    }
}
