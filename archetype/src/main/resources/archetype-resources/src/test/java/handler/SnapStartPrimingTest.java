package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.aws.SnapStartPriming;
import ${package}.support.ManagementApiServer;
import ${package}.support.StubEndpoint;
import ${package}.support.TestEnvironment;
import ${package}.support.TestEvents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private StubEndpoint store;
    private ManagementApiServer managementApi;
    private Map<String, String> environment;

    @BeforeEach
    void startEndpointsThatKeepRequests() {
        store = new StubEndpoint(500, "application/json", "");
        managementApi = new ManagementApiServer(TestEvents.STAGE);
        environment = new HashMap<>(TestEnvironment.forFunctions(managementApi));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", store.url());
    }

    @AfterEach
    void stop() {
        store.close();
        managementApi.close();
    }

    @Test
    void everyHandlerPrimesWithoutTouchingTheNetwork() {
        new ConnectHandler(environment).prime();
        new DisconnectHandler(environment).prime();
        new SendHandler(environment).prime();
        new BroadcastHandler(environment).prime();
        new DefaultHandler(environment).prime();

        assertEquals(0, managementApi.posts().size(), "posts to the Management API");
        assertEquals(List.of(), store.requests(), "requests to the connection store");
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
