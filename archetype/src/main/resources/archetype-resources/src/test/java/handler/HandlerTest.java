package ${package}.handler;

import static org.junit.jupiter.api.Assertions.fail;

import ${package}.connection.ConnectionStore;
import ${package}.connection.DynamoDbConnectionStore;
import ${package}.messaging.ConnectionMessenger;
import ${package}.observability.Metrics;
import ${package}.support.TestConnectionStores;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import dev.websocketkit.local.testing.LocalAws;
import dev.websocketkit.local.testing.LocalContext;
import dev.websocketkit.local.testing.RecordingManagementApi;
import dev.websocketkit.local.testing.StandardOutputCapture;
import dev.websocketkit.local.testing.WebSocketEvents;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs handlers with events shaped like a deployed API's, against the project's real connection
 * store and a real HTTP endpoint standing in for the stage's Management API.
 */
abstract class HandlerTest {

    static final String STAGE = "prod";
    static final String SOURCE_IP = "203.0.113.7";
    private static final WebSocketEvents EVENTS = WebSocketEvents.of("abc123xyz0", STAGE).from(SOURCE_IP, "test-client");
    private static final Pattern BODY_FIELD = Pattern.compile("\"body\"\\s*:\\s*\"([^\"]*)\"");

    static RecordingManagementApi managementApi;

    final String table = TestConnectionStores.newTable();
    final ConnectionStore connections = new DynamoDbConnectionStore(LocalAws.dynamoDb(), table, Clock.systemUTC());
    final ConnectionMessenger messenger = ConnectionMessenger.forCallbackUrl(managementApi.callbackUrl());
    final LocalContext context = new LocalContext();
    final Metrics metrics = new Metrics("test-api");
    /** What the handlers print: their structured logs and metrics. */
    final StandardOutputCapture output = StandardOutputCapture.start();
    private final List<String> sentBodies = new ArrayList<>();

    @BeforeAll
    static void startManagementApi() {
        managementApi = new RecordingManagementApi(STAGE);
    }

    @AfterAll
    static void stopManagementApi() {
        managementApi.close();
    }

    /** Whatever a test sent, no message and no body of one reached the log. */
    @AfterEach
    void restoreStandardOutputAndCheckNoBodyWasLogged() {
        output.close();
        for (String sent : sentBodies) {
            Matcher body = BODY_FIELD.matcher(sent);
            for (String secret : body.find() ? List.of(sent, body.group(1)) : List.of(sent)) {
                output.lines().stream().filter(line -> secret.length() >= 6 && line.contains(secret))
                        .forEach(line -> fail("a client's message in the log: " + line));
            }
        }
    }

    /** How many Embedded Metric Format documents the handlers printed: each costs a CloudWatch Logs event. */
    long metricDocuments() {
        return output.jsonLines().stream().filter(line -> line.containsKey("_aws")).count();
    }

    static String newConnectionId() {
        return WebSocketEvents.newConnectionId();
    }

    static APIGatewayV2WebSocketEvent connect(String connectionId, Instant connectedAt) {
        return EVENTS.connect(connectionId, connectedAt, Map.of("x-api-key", "test-api-key"), Map.of());
    }

    static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
        return EVENTS.disconnect(connectionId, Instant.now());
    }

    /** A message on the route API Gateway selected for it; {@code body} is sent as the client wrote it. */
    APIGatewayV2WebSocketEvent message(String routeKey, String connectionId, String body) {
        sentBodies.add(body);
        return EVENTS.message(routeKey, connectionId, Instant.now(), body);
    }

    ConnectHandler connectHandler() {
        return new ConnectHandler(connections, metrics);
    }

    DisconnectHandler disconnectHandler() {
        return new DisconnectHandler(connections, metrics);
    }

    /** Connects a new client through the real {@code $connect} handler and returns its connection id. */
    String connectClient() {
        String connectionId = newConnectionId();
        connectHandler().handleRequest(connect(connectionId, Instant.now()), new LocalContext());
        return connectionId;
    }

    boolean isStored(String connectionId) {
        return !TestConnectionStores.item(table, connectionId).isEmpty();
    }
}
