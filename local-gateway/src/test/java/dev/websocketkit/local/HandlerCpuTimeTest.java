// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.junit.WebSocketApiTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The processor time of the functions themselves, apart from the gateway's, as a load test wants to see it. */
@WebSocketApiTest(template = "src/test/resources/templates/environments.yaml")
class HandlerCpuTimeTest {

    @Test
    void countsTheProcessorTimeAHandlerUsesAndNotTheTimeItWaits(LocalGateway gateway) {
        gateway.awaitFunctions();
        Map<String, Duration> before = gateway.handlerCpuTime();

        for (int event = 0; event < 3; event++) {
            gateway.function("BusyFunction").invoke(Map.of("event", event)).join();
            gateway.function("ScalingFunction").invoke(Map.of("event", event)).join();
        }

        Map<String, Duration> after = gateway.handlerCpuTime();
        Duration busy = after.get("BusyFunction").minus(before.get("BusyFunction"));
        Duration sleeping = after.get("ScalingFunction").minus(before.get("ScalingFunction"));
        assertTrue(busy.compareTo(Duration.ofMillis(300)) >= 0, "three events of 100 ms of processor time each: " + busy);
        assertTrue(sleeping.compareTo(Duration.ofMillis(100)) < 0, "three events that sleep 300 ms each use almost none: " + sleeping);
    }

    @Test
    void countsTheProcessorTimeOfTheThreadsAFunctionStarted(LocalGateway gateway) {
        gateway.awaitFunctions();
        Duration before = gateway.handlerCpuTime().get("DelegatingFunction");

        for (int event = 0; event < 3; event++) {
            gateway.function("DelegatingFunction").invoke(Map.of("event", event)).join();
        }

        Duration used = gateway.handlerCpuTime().get("DelegatingFunction").minus(before);
        assertTrue(used.compareTo(Duration.ofMillis(300)) >= 0, "three events of 100 ms each, on the handler's own thread: " + used);
    }
}
