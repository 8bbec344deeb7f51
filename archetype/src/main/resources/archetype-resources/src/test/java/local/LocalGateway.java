package ${package}.local;

import ${package}.local.WebSocketApiDefinition.Route;
import ${package}.local.WebSocketEvents.Client;
import ${package}.messaging.Json;
#if( $storeType == 'dynamodb' )
import ${package}.support.DynamoDbLocal;
#end
import ${package}.template.SamTemplate;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The project's WebSocket API on localhost, driven by {@code template.yaml}: WebSocket clients and
 * the Management API on one port, the route handlers running in this JVM.
 *
 * <p>What it keeps of API Gateway: the {@code #[[$connect]]#} authorizer (401, 403), the API key (403), the {@code #[[$connect]]#}
 * handler's status on the handshake, route selection from the message body with {@code #[[$default]]#}
 * as fallback, the JSON errors for an unmatched route and for a failing handler (the connection
 * stays open), the 128 KB message limit (close 1009) and the idle timeout.
 */
public final class LocalGateway implements AutoCloseable {

    /**
     * How to run, from system properties {@code local.port}, {@code local.apiKey},
     * {@code local.idleTimeout} and, to verify tokens of a real identity provider instead of the
     * development one, {@code local.jwksUrl}, {@code local.jwtIssuer} and {@code local.jwtAudience}.
     */
    public record Settings(Path template, int port, String apiKey, Duration idleTimeout, IdentityProvider identityProvider) {

        public static Settings fromSystemProperties() {
            String jwksUrl = System.getProperty("local.jwksUrl");
            return new Settings(
                    Path.of(System.getProperty("local.template", "template.yaml")),
                    Integer.getInteger("local.port", 8080),
                    System.getProperty("local.apiKey", randomKey()),
                    Duration.parse(System.getProperty("local.idleTimeout", "PT10M")),
                    jwksUrl == null ? null : new IdentityProvider(jwksUrl,
                            System.getProperty("local.jwtIssuer"), System.getProperty("local.jwtAudience")));
        }

        /** A free port, a random key, API Gateway's idle timeout and the development identity provider. */
        public static Settings forTests(Path template) {
            return new Settings(template, 0, randomKey(), Duration.ofMinutes(10), null);
        }

        public Settings withIdleTimeout(Duration timeout) {
            return new Settings(template, port, apiKey, timeout, identityProvider);
        }
    }

    /** A real identity provider whose tokens the authorizer should accept. */
    public record IdentityProvider(String jwksUrl, String issuer, String audience) {
    }

    /** API Gateway's limit for a WebSocket message. */
    static final int MAX_MESSAGE_BYTES = 128 * 1024;

    private static final String LOCAL_API_ID = "local";
    private static final System.Logger LOG = System.getLogger(LocalGateway.class.getName());

    private final Settings settings;
    private final WebSocketApiDefinition api;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, Route> routes;
    private final Map<String, LocalFunction<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse>> functions = new HashMap<>();
    private final Map<String, LocalFunction<APIGatewayCustomAuthorizerEvent, IamPolicyResponse>> authorizers = new HashMap<>();
    private final Map<String, LocalConnection> connections = new ConcurrentHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private WebSocketEvents events;
    private DevelopmentIdentityProvider developmentIdentityProvider;
    private String developmentToken;

    private LocalGateway(Settings settings) {
        this.settings = settings;
        this.api = WebSocketApiDefinition.from(SamTemplate.load(settings.template()));
        this.routes = api.routes();
    }

    public static LocalGateway start(Settings settings) throws Exception {
        LocalGateway gateway = new LocalGateway(settings);
        gateway.startServer();
        return gateway;
    }

    public static void main(String[] args) throws Exception {
        LocalGateway gateway = start(Settings.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close));
        gateway.banner().forEach(System.out::println);
        gateway.server.join();
    }

    /** What to tell the user once the gateway is up: where it listens and how to connect. */
    public List<String> banner() {
        Optional<String> token = developmentToken();
        return List.of(
                "Local WebSocket API: " + webSocketUri(),
                "API key: " + apiKey(),
                "Token: " + token.orElse("none"),
                "Try: wscat -c " + webSocketUri() + " -H \"x-api-key: " + apiKey() + "\""
                        + token.map(value -> " -H \"Authorization: Bearer " + value + "\"").orElse(""));
    }

    /** A one-hour token of the development identity provider, when the API has an authorizer and no real provider is set. */
    public Optional<String> developmentToken() {
        return Optional.ofNullable(developmentToken);
    }

    /** A token of the development identity provider for any subject and lifetime. */
    public String issueDevelopmentToken(String subject, Duration lifetime) {
        return developmentIdentityProvider.issue(subject, lifetime);
    }

    public URI webSocketUri() {
        return URI.create("ws://localhost:" + connector.getLocalPort());
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /** The environment every function of the template runs with here, intrinsic functions resolved. */
    public Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "Local gateway did not stop cleanly", e);
        }
    }

    private void startServer() throws Exception {
        connector.setHost("localhost");
        connector.setPort(settings.port());
        connector.open();

        LocalIntrinsics intrinsics = new LocalIntrinsics(api.template());
        intrinsics.assign(api.apiId(), LOCAL_API_ID);
        String stage = api.stage(intrinsics);
        String localEndpoint = "http://localhost:" + connector.getLocalPort();
        events = new WebSocketEvents(new WebSocketEvents.Api(LOCAL_API_ID, "localhost:" + connector.getLocalPort(), stage));

        environment.put("AWS_REGION", LocalIntrinsics.REGION);
        environment.put("AWS_ACCESS_KEY_ID", "AKIDLOCALGATEWAY");
        environment.put("AWS_SECRET_ACCESS_KEY", "local-gateway-secret");
#if( $storeType == 'dynamodb' )
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocal.endpoint());
        api.tables().forEach((logicalId, table) -> intrinsics.assign(logicalId, DynamoDbLocal.createTable(table)));
#end
        if (routes.values().stream().anyMatch(route -> route.authorizerFunctionId() != null)) {
            useIdentityProvider(intrinsics, localEndpoint);
        }
        for (Route route : routes.values()) {
            functions.put(route.routeKey(), createFunction(route.functionId(), intrinsics, localEndpoint));
            if (route.authorizerFunctionId() != null) {
                authorizers.put(route.routeKey(), createFunction(route.authorizerFunctionId(), intrinsics, localEndpoint));
            }
        }

        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
            container.setIdleTimeout(settings.idleTimeout());
            container.addMapping("/*", this::connect);
        });
        ManagementApiHandler managementApi = new ManagementApiHandler(stage, connections::get);
        webSockets.setHandler(developmentIdentityProvider == null
                ? managementApi
                : new Handler.Sequence(managementApi, developmentIdentityProvider));
        server.setHandler(webSockets);
        server.addConnector(connector);
        server.start();
    }

    /**
     * A function of the template with its environment resolved. The functions call this API's
     * Management API, which this gateway serves: references to its AWS endpoint point here.
     */
    private <I, O> LocalFunction<I, O> createFunction(String logicalId, LocalIntrinsics intrinsics, String localEndpoint) {
        WebSocketApiDefinition.Function function = api.function(logicalId);
        String awsEndpoint = "https://" + LOCAL_API_ID + ".execute-api." + LocalIntrinsics.REGION + ".amazonaws.com";
        Map<String, String> variables = new LinkedHashMap<>(environment);
        function.environment().forEach((name, value) -> variables.put(name, intrinsics.resolve(value).replace(awsEndpoint, localEndpoint)));
        environment.putAll(variables);
        return LocalFunction.create(function.logicalId(), function.handlerClass(), variables);
    }

    /**
     * The handshake: the authorizer (401 when it fails with "Unauthorized", 403 when its policy
     * does not allow), the API key (403), then the {@code #[[$connect]]#} handler, whose status decides.
     */
    private Object connect(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        request.getHeaders().forEach(field -> headers.put(field.getName(), field.getValue()));
        Map<String, String> query = new LinkedHashMap<>();
        Request.extractQueryParameters(request).forEach(field -> query.put(field.getName(), field.getValue()));
        Client client = new Client(WebSocketEvents.newId(), Instant.now(), Request.getRemoteAddr(request), headers.get("User-Agent"));
        Route connectRoute = routes.get("#[[$connect]]#");

        Map<String, Object> authorizerContext = null;
        LocalFunction<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> authorizer = authorizers.get("#[[$connect]]#");
        if (authorizer != null) {
            IamPolicyResponse policy;
            try {
                policy = authorizer.invoke(events.authorize(client, new LinkedHashMap<>(headers), query));
            } catch (RuntimeException e) {
                boolean unauthorized = "Unauthorized".equals(e.getMessage());
                if (!unauthorized) {
                    LOG.log(System.Logger.Level.ERROR, "The #[[$connect]]# authorizer failed", e);
                }
                Response.writeError(request, response, callback, unauthorized ? 401 : 500);
                return null;
            }
            if (!allows(policy)) {
                Response.writeError(request, response, callback, 403, "Forbidden");
                return null;
            }
            authorizerContext = new LinkedHashMap<>(policy.getContext() == null ? Map.of() : policy.getContext());
            authorizerContext.put("principalId", policy.getPrincipalId());
        }
        if (connectRoute != null && connectRoute.apiKeyRequired()
                && !settings.apiKey().equals(headers.get(api.apiKeyHeader()))) {
            Response.writeError(request, response, callback, 403, "Forbidden");
            return null;
        }
        LocalConnection connection = new LocalConnection(client, authorizerContext);
        if (connectRoute != null) {
            int status = statusOf("#[[$connect]]#", events.connect(client, new LinkedHashMap<>(headers), query, authorizerContext));
            if (status < 200 || status > 299) {
                Response.writeError(request, response, callback, status);
                return null;
            }
        }
        connections.put(connection.id(), connection);
        return new ConnectionEndpoint(connection, this);
    }

    void onMessage(LocalConnection connection, String body) {
        connection.touch();
        String routeKey = selectRoute(body);
        if (routeKey == null) {
            connection.send(apiGatewayError("Forbidden", connection));
            return;
        }
        try {
            functions.get(routeKey).invoke(events.message(routeKey, connection.client(), body, connection.authorizer()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Route " + routeKey + " failed for connection " + connection.id(), e);
            connection.send(apiGatewayError("Internal server error", connection));
        }
    }

    void onClose(LocalConnection connection, int statusCode, String reason) {
        if (connections.remove(connection.id()) != null && functions.containsKey("#[[$disconnect]]#")) {
            statusOf("#[[$disconnect]]#", events.disconnect(connection.client(), connection.authorizer()));
        }
    }

    /** The route API Gateway would pick: the one the selection field names, else {@code #[[$default]]#}, else none. */
    private String selectRoute(String body) {
        try {
            Object message = Json.parse(body);
            if (message instanceof Map) {
                Object routeKey = ((Map<?, ?>) message).get(api.routeSelectionField());
                if (routeKey instanceof String && !((String) routeKey).startsWith("#[[$]]#") && functions.containsKey(routeKey)) {
                    return (String) routeKey;
                }
            }
        } catch (IOException e) {
            // Not JSON: API Gateway falls back to #[[$default]]#.
        }
        return functions.containsKey("#[[$default]]#") ? "#[[$default]]#" : null;
    }

    /** The identity provider whose tokens the authorizers verify: a real one if set, else the development one. */
    private void useIdentityProvider(LocalIntrinsics intrinsics, String localEndpoint) {
        IdentityProvider provider = settings.identityProvider();
        if (provider == null) {
            developmentIdentityProvider = new DevelopmentIdentityProvider(localEndpoint);
            developmentToken = developmentIdentityProvider.issue("local-developer", Duration.ofHours(1));
            provider = new IdentityProvider(developmentIdentityProvider.jwksUrl(), developmentIdentityProvider.issuer(),
                    DevelopmentIdentityProvider.AUDIENCE);
        }
        intrinsics.overrideParameter("JwksUrl", provider.jwksUrl());
        intrinsics.overrideParameter("JwtIssuer", provider.issuer());
        intrinsics.overrideParameter("JwtAudience", provider.audience());
    }

    /** Whether an authorizer's policy allows the connection: an Allow statement and no Deny. */
    private static boolean allows(IamPolicyResponse policy) {
        Map<?, ?>[] statements = (Map<?, ?>[]) policy.getPolicyDocument().get("Statement");
        List<Object> effects = Arrays.stream(statements).map(statement -> statement.get("Effect")).collect(Collectors.toList());
        return effects.contains(IamPolicyResponse.ALLOW) && !effects.contains(IamPolicyResponse.DENY);
    }

    private int statusOf(String routeKey, APIGatewayV2WebSocketEvent event) {
        try {
            APIGatewayV2WebSocketResponse response = functions.get(routeKey).invoke(event);
            return response == null ? 200 : response.getStatusCode();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Route " + routeKey + " failed", e);
            return 500;
        }
    }

    private static String apiGatewayError(String message, LocalConnection connection) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("connectionId", connection.id());
        error.put("requestId", WebSocketEvents.newId());
        return Json.write(error);
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
