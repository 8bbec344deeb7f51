package ${package}.handler;

import ${package}.aws.AwsEnvironment;
import ${package}.connection.Connection;
import ${package}.connection.ConnectionStore;
import ${package}.support.ManagementApiServer;
import ${package}.support.TestContext;
import ${package}.support.TestEnvironment;
import ${package}.support.TestEvents;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs handlers the way Lambda does, built from the function environment, against the project's
 * real connection store and a real HTTP Management API endpoint.
 */
abstract class HandlerTest {

    static ManagementApiServer managementApi;

    Map<String, String> environment;
    ConnectionStore connections;
    TestContext context;

    @BeforeAll
    static void startManagementApi() {
        managementApi = new ManagementApiServer(TestEvents.STAGE);
    }

    @AfterAll
    static void stopManagementApi() {
        managementApi.close();
    }

    @BeforeEach
    void prepareEnvironment() {
        environment = TestEnvironment.forFunctions(managementApi);
        connections = ConnectionStore.fromEnvironment(new AwsEnvironment(environment));
        context = new TestContext();
    }

    /** Connects a new client through the real {@code #[[$connect]]#} handler and returns its connection id. */
    String connectClient() {
        String connectionId = TestEvents.newConnectionId();
        new ConnectHandler(environment).handleRequest(TestEvents.connect(connectionId, Instant.now()), new TestContext());
        return connectionId;
    }

    boolean isStored(String connectionId) {
        return connections.findAll().stream().map(Connection::connectionId).anyMatch(connectionId::equals);
    }
}
