// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import dev.websocketkit.local.internal.account.LocalAccount;
import dev.websocketkit.local.internal.dynamodb.DynamoDbLocal;
import dev.websocketkit.local.internal.events.GatewayEvents;
import dev.websocketkit.local.internal.function.Functions;
import dev.websocketkit.local.internal.function.LocalFunction;
import dev.websocketkit.local.internal.identity.DevelopmentIdentityProvider;
import dev.websocketkit.local.internal.identity.IdentityProvider;
import dev.websocketkit.local.internal.log.GatewayLog;
import dev.websocketkit.local.internal.server.GatewayServer;
import dev.websocketkit.local.internal.sqs.LocalSqs;
import dev.websocketkit.local.internal.sqs.QueuePoller;
import dev.websocketkit.local.internal.sqs.TemplateQueues;
import dev.websocketkit.local.internal.template.Intrinsics;
import dev.websocketkit.local.internal.template.ParameterConstraints;
import dev.websocketkit.local.internal.template.TemplateDocument;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.QueueEventSource;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition.Route;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The WebSocket API of a SAM template on localhost: API Gateway's handshake, routing, limits and
 * Management API in front of the template's Lambda handlers, which run in this JVM, each function
 * in a class loader of its own with the environment the template gives it; DynamoDB Local for the
 * template's tables; ElasticMQ for its queues, polled for the functions they invoke as Lambda does;
 * a development identity provider when the API has an authorizer.
 *
 * <pre>{@code
 * try (LocalGateway gateway = LocalGateway.start(LocalGatewayConfig.forTemplate(Path.of("template.yaml")).port(0))) {
 *     try (WebSocketTestClient client = gateway.connect()) {
 *         client.send("{\"message\": \"send\", \"body\": \"Hello World!\"}");
 *         client.receive(); // "Hello World!"
 *     }
 * }
 * }</pre>
 */
public final class LocalGateway implements AutoCloseable {

    /** The id the local API has in resolved intrinsic functions; its AWS endpoint is replaced by the gateway's. */
    static final String API_ID = "local";
    private static final String STACK_NAME = "local";
    private static final String DEVELOPER = "local-developer";

    private final LocalGatewayConfig config;
    private final GatewayLog log;
    private final GatewayServer server;
    private final Functions functions;
    private final boolean apiKeyRequired;
    private final DevelopmentIdentityProvider developmentIdentityProvider;
    private final String developmentToken;
    private final CompletableFuture<Void> initialization;
    private final TemplateQueues queues;
    private final List<QueuePoller> pollers;

    private LocalGateway(LocalGatewayConfig config) throws Exception {
        keepConnectionsToTheManagementApiAlive();
        this.config = config;
        this.log = new GatewayLog(config.out());
        // Jetty's classes load while the template is read: a start is mostly class loading.
        CompletableFuture<GatewayServer> binding = CompletableFuture.supplyAsync(() -> GatewayServer.bind(config.host(), config.port()));
        WebSocketApiDefinition api;
        try {
            api = WebSocketApiDefinition.of(TemplateDocument.load(config.template(), config.parameterOverrides()));
            // The values the gateway gives the identity parameters later point at its local provider, over http: they are not checked.
            ParameterConstraints.check(api.template(), config.parameterOverrides());
        } catch (RuntimeException e) {
            binding.thenAccept(GatewayServer::stop);
            throw e;
        }
        try {
            this.server = binding.join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
        String httpBase = "http://" + server.authority();

        Map<String, String> parameters = new LinkedHashMap<>(config.parameterOverrides());
        boolean hasAuthorizer = api.hasAuthorizer();
        this.developmentIdentityProvider = hasAuthorizer && config.identityProvider().isEmpty() ? DevelopmentIdentityProvider.start(config.developmentKeyFile()) : null;
        CompletableFuture<String> token = developmentIdentityProvider == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> developmentIdentityProvider.issue(DEVELOPER, Duration.ofHours(1)));
        Map<String, String> accountVariables = new LinkedHashMap<>(Functions.accountVariables());
        Map<String, String> tableNames = new LinkedHashMap<>();
        CompletableFuture<Void> tables = CompletableFuture.completedFuture(null);
        if (!api.tables().isEmpty()) {
            accountVariables.put("AWS_ENDPOINT_URL_DYNAMODB", DynamoDbLocal.endpoint().toString());
            api.tables().keySet().forEach(logicalId -> tableNames.put(logicalId, DynamoDbLocal.newTableName()));
            tables = CompletableFuture.runAsync(() -> tableNames.forEach((logicalId, tableName) ->
                    DynamoDbLocal.createTable(tableName, api.tables().get(logicalId))));
        }
        if (hasAuthorizer) {
            IdentityProvider provider = config.identityProvider().orElseGet(developmentIdentityProvider::identity);
            List<String> names = config.identityParameters().orElseGet(api::identityParameters);
            if (names.isEmpty()) {
                log.gateway("The template has an authorizer and names no Metadata.LocalGateway.IdentityParameters:"
                        + " no parameter receives the identity provider's JWKS URL, issuer and audience");
            }
            List<String> values = List.of(provider.jwksUrl(), provider.issuer(), provider.audience());
            for (int i = 0; i < names.size(); i++) {
                if (api.template().section("Parameters").containsKey(names.get(i))) {
                    parameters.putIfAbsent(names.get(i), values.get(i));
                }
            }
        }

        Intrinsics intrinsics = new Intrinsics(api.template(), STACK_NAME, parameters);
        intrinsics.assign(api.apiId(), API_ID);
        assignFunctions(api, intrinsics);
        tableNames.forEach((logicalId, tableName) -> {
            intrinsics.assign(logicalId, tableName);
            intrinsics.assignAttribute(logicalId, "Arn", "arn:" + LocalAccount.PARTITION + ":dynamodb:" + LocalAccount.REGION + ":"
                    + LocalAccount.ACCOUNT_ID + ":table/" + tableName);
        });
        this.queues = TemplateQueues.create(api.queues(), intrinsics);
        if (!api.queues().isEmpty()) {
            accountVariables.put("AWS_ENDPOINT_URL_SQS", LocalSqs.endpoint().toString());
        }
        String stage = api.stageName(intrinsics);
        Map<String, Route> routes = api.routes(intrinsics);
        this.apiKeyRequired = Optional.ofNullable(routes.get("$connect")).map(Route::apiKeyRequired).orElse(false);
        List<QueueEventSource> queueEventSources = api.queueEventSources(intrinsics);
        CompletableFuture<Void> resources = CompletableFuture.allOf(tables, queues.created());

        String awsEndpoint = "://" + API_ID + ".execute-api." + LocalAccount.REGION + "." + LocalAccount.URL_SUFFIX;
        this.functions = new Functions(invokedFunctions(api, routes, queueEventSources), intrinsics, accountVariables,
                value -> value.replace("https" + awsEndpoint, httpBase).replace("wss" + awsEndpoint, "ws://" + server.authority()),
                config.functionClasses(), resources, log);
        this.pollers = pollers(queueEventSources, queues);
        this.developmentToken = token.join();
        Set<String> apiKeys = new LinkedHashSet<>(api.apiKeyValues(intrinsics));
        apiKeys.add(config.apiKey());
        server.start(api, routes, stage, apiKeys, functions,
                new GatewayEvents(new GatewayEvents.Api(API_ID, server.authority(), stage)),
                developmentToken, new GatewayServer.Limits(config.idleTimeout(),
                        config.maxConnectionDuration(), config.newConnectionsPerSecond(), config.managementApiLatency()), log);
        this.initialization = CompletableFuture.allOf(functions.initializeAll(), resources);
        initialization.whenComplete((ready, error) -> {
            if (error == null) {
                pollers.forEach(QueuePoller::start);
            } else {
                log.gateway("The template's tables or queues were not created, so no function can run: " + error.getMessage());
            }
        });
    }

    /** Starts the gateway; the functions initialise in the background, and the first invocation of each waits for it. */
    public static LocalGateway start(LocalGatewayConfig config) throws Exception {
        return new LocalGateway(config);
    }

    /** What to tell the user once the gateway is up: where it listens and how to connect. */
    public List<String> banner() {
        List<String> lines = new ArrayList<>();
        lines.add("Local WebSocket API: " + webSocketUri());
        lines.add("API key: " + (apiKeyRequired ? apiKey() : "none"));
        lines.add("Token: " + developmentToken().orElse("none"));
        lines.add("Try: wscat -c " + webSocketUri()
                + (apiKeyRequired ? " -H \"x-api-key: " + apiKey() + "\"" : "")
                + developmentToken().map(token -> " -H \"Authorization: Bearer " + token + "\"").orElse(""));
        lines.add("Or open " + pageUri() + " in a browser");
        return lines;
    }

    public URI webSocketUri() {
        return URI.create("ws://" + server.authority());
    }

    /** The page that talks to the API as a browser does. */
    public URI pageUri() {
        return URI.create("http://" + server.authority() + "/");
    }

    /** The stage's Management API endpoint, as {@code CALLBACK_URL} gives it to the functions. */
    public URI callbackUri() {
        return URI.create("http://" + server.authority() + "/" + server.stage());
    }

    public String apiKey() {
        return config.apiKey();
    }

    /** A one-hour token of the development identity provider, when the API has an authorizer and no real identity provider was set. */
    public Optional<String> developmentToken() {
        return Optional.ofNullable(developmentToken);
    }

    /** A token of the development identity provider for any subject and lifetime (negative for an expired one). */
    public String issueToken(String subject, Duration lifetime) {
        if (developmentIdentityProvider == null) {
            throw new IllegalStateException("The gateway runs no development identity provider: the API has no authorizer, or a real provider was set");
        }
        return developmentIdentityProvider.issue(subject, lifetime);
    }

    /** A client connected with the API key (when the API requires one) and the development token (when it has an authorizer). */
    public WebSocketTestClient connect() {
        return handshake().connect();
    }

    /** A handshake with the default credentials of {@link #connect()}, to change before connecting. */
    public Handshake handshake() {
        Handshake handshake = Handshake.to(webSocketUri(), new Patience(functions::finishedWork, functions::workInFlight));
        if (apiKeyRequired) {
            handshake.apiKey(apiKey());
        }
        developmentToken().ifPresent(handshake::bearerToken);
        return handshake;
    }

    /** Keeps every line printed by the gateway and the functions until the capture is closed. */
    public LogCapture captureLogs() {
        return new LogCapture(log);
    }

    /** The environment a function sees through {@code System.getenv()}. */
    public Map<String, String> environment(String functionLogicalId) {
        return functions.get(functionLogicalId).environment();
    }

    /**
     * The processor time each function has used so far, by logical id: its handlers' on the threads
     * that invoked them, and that of the threads its code started (they run in the function's
     * thread group); what a load test costs in the functions themselves, as opposed to the gateway
     * that runs them.
     */
    public Map<String, Duration> handlerCpuTime() {
        Map<String, Duration> used = new LinkedHashMap<>();
        functions.all().forEach(function -> used.put(function.name(), function.handlerCpuTime()));
        return used;
    }

    /** Waits until every function has run its init phase and the template's tables and queues exist; fails if they could not be created. */
    public void awaitFunctions() {
        initialization.join();
    }

    @Override
    public void close() {
        pollers.forEach(QueuePoller::close);
        queues.delete();
        server.stop();
        functions.close();
        if (developmentIdentityProvider != null) {
            developmentIdentityProvider.close();
        }
        log.close();
    }

    /**
     * Functions post to the gateway over HTTP with the JDK's HttpURLConnection, which keeps at most
     * five idle connections per server (system property {@code http.maxConnections}). On Lambda an
     * execution environment handles one event at a time; here a function's handler serves many at
     * once, and with five kept connections most posts would open a new one. Unless set otherwise,
     * the gateway's JVM keeps up to a thousand.
     */
    private static void keepConnectionsToTheManagementApiAlive() {
        if (System.getProperty("http.maxConnections") == null) {
            System.setProperty("http.maxConnections", "1000");
        }
    }

    /** The template's functions have names and ARNs of the local account; {@code Ref X.Alias} is the {@code live} alias. */
    private static void assignFunctions(WebSocketApiDefinition api, Intrinsics intrinsics) {
        for (String logicalId : api.functions().keySet()) {
            String arn = "arn:" + LocalAccount.PARTITION + ":lambda:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID + ":function:" + logicalId;
            intrinsics.assign(logicalId, logicalId);
            intrinsics.assignAttribute(logicalId, "Arn", arn);
            intrinsics.assignAttribute(logicalId, "Alias", arn + ":live");
        }
    }

    /** The functions that routes, authorizers and queues invoke. */
    private static List<WebSocketApiDefinition.Function> invokedFunctions(WebSocketApiDefinition api, Map<String, Route> routes,
                                                                          List<QueueEventSource> queueEventSources) {
        Set<String> ids = new LinkedHashSet<>();
        routes.values().forEach(route -> {
            route.authorizer().ifPresent(authorizer -> ids.add(authorizer.functionId()));
            ids.add(route.functionId());
        });
        queueEventSources.forEach(source -> ids.add(source.functionId()));
        return ids.stream().map(api::function).toList();
    }

    /** A poller for each event source of a queue of the template; the others cannot be polled locally. */
    private List<QueuePoller> pollers(List<QueueEventSource> queueEventSources, TemplateQueues queues) {
        List<QueuePoller> pollers = new ArrayList<>();
        for (QueueEventSource source : queueEventSources) {
            Optional<TemplateQueues.Queue> queue = queues.withArn(source.queueArn());
            if (queue.isPresent()) {
                pollers.add(new QueuePoller(functions.get(source.functionId()), queue.get(), source, log));
            } else {
                log.gateway("The event source " + source.queueArn() + " of " + source.functionId() + " is not polled: it is not a queue of the template");
            }
        }
        return pollers;
    }

    /** The function the gateway runs for a logical id. */
    LocalFunction function(String logicalId) {
        return functions.get(logicalId);
    }
}
