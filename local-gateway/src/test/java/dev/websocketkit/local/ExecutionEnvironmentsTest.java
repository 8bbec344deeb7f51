// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.internal.function.LocalFunction;
import dev.websocketkit.local.junit.WebSocketApiTest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Like Lambda, an execution environment takes one event at a time, and a function scales out to more of them. */
@WebSocketApiTest(template = "src/test/resources/templates/environments.yaml")
class ExecutionEnvironmentsTest {

    @Test
    void givesEachConcurrentEventAnEnvironmentOfItsOwn(LocalGateway gateway) {
        gateway.awaitFunctions();
        LocalFunction function = gateway.function("ScalingFunction");

        Set<Object> environments = invokeAtOnce(function, 8);

        assertEquals(8, environments.size(), "eight events at once, eight environments");
        assertEquals(8, function.environmentCount());
        assertEquals(1, invokeAtOnce(function, 1).size(), "an idle environment is used again");
        assertEquals(8, function.environmentCount());
    }

    @Test
    void keepsToTheReservedConcurrencyAndQueuesTheRest(LocalGateway gateway) {
        gateway.awaitFunctions();
        LocalFunction function = gateway.function("ReservedFunction");

        Set<Object> environments = invokeAtOnce(function, 6);

        assertEquals(2, environments.size());
        assertEquals(2, function.environmentCount());
    }

    /** Invokes the function with {@code count} events at once; every one must succeed. The ids of the environments that took them. */
    private static Set<Object> invokeAtOnce(LocalFunction function, int count) {
        List<CompletableFuture<Object>> answers = IntStream.range(0, count).mapToObj(i -> function.invoke(Map.of("event", i))).toList();
        Set<Object> environments = new HashSet<>();
        answers.forEach(answer -> environments.add(answer.join()));
        return environments;
    }
}
