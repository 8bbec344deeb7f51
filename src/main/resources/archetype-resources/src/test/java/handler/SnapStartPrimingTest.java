package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.aws.SnapStartPriming;
import ${package}.support.ManagementApiServer;
import ${package}.support.TestEnvironment;
import ${package}.support.TestEvents;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Priming runs before SnapStart's snapshot, where nothing may reach the network. */
class SnapStartPrimingTest {

    private final AtomicInteger storeRequests = new AtomicInteger();
    private HttpServer store;
    private ManagementApiServer managementApi;
    private Map<String, String> environment;

    @BeforeEach
    void startEndpointsThatCountRequests() throws IOException {
        store = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        store.createContext("/", exchange -> {
            storeRequests.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        store.start();
        managementApi = new ManagementApiServer(TestEvents.STAGE);
        environment = new HashMap<>(TestEnvironment.forFunctions(managementApi));
        environment.put("AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:" + store.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        store.stop(0);
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
        assertEquals(0, storeRequests.get(), "requests to the connection store");
    }

    @Test
    void theRegisteredResourceRunsThePrimingBeforeTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();

        SnapStartPriming.register(runs::incrementAndGet).beforeCheckpoint(null);

        assertEquals(1, runs.get());
    }
}
