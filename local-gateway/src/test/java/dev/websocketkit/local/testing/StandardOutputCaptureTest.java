// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardOutputCaptureTest {

    private static final String EMF = """
            {"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"echo","Dimensions":[["Route"]],\
            "Metrics":[{"Name":"MessagesEchoed","Unit":"Count"}]}]},"Route":"%s","MessagesEchoed":%s}""";

    @Test
    void readsLogMessagesAndSumsMetricsPerDimension() {
        try (StandardOutputCapture output = StandardOutputCapture.start()) {
            System.out.println("plain text");
            System.out.println("{\"level\":\"INFO\",\"message\":\"Connected\"}");
            System.out.println(EMF.formatted("send", "1"));
            System.out.println(EMF.formatted("send", "2"));
            System.out.println(EMF.formatted("$default", "4"));

            assertEquals(5, output.lines().size());
            assertEquals(List.of("Connected"), output.messages());
            assertEquals(Map.of("MessagesEchoed", 7.0), output.metrics());
            assertEquals(Map.of("MessagesEchoed", 3.0), output.metrics(Map.of("Route", "send")));
            assertEquals(Map.of(), output.metrics(Map.of("Route", "broadcast")));
        }
    }

    @Test
    void sumsEachMetricOfALineForTheDimensionsItIsDeclaredFor() {
        try (StandardOutputCapture output = StandardOutputCapture.start()) {
            System.out.println("""
                    {"_aws":{"Timestamp":1,"CloudWatchMetrics":[\
                    {"Namespace":"echo","Dimensions":[["Route"]],"Metrics":[{"Name":"Messages","Unit":"Count"}]},\
                    {"Namespace":"echo","Dimensions":[[]],"Metrics":[{"Name":"Deliveries","Unit":"Count"}]}]},\
                    "Route":"send","Messages":1,"Deliveries":1}""");

            assertEquals(Map.of("Messages", 1.0, "Deliveries", 1.0), output.metrics());
            assertEquals(Map.of("Messages", 1.0), output.metrics(Map.of("Route", "send")), "Deliveries has no Route");
        }
    }

    @Test
    void refusesMetricsCloudWatchWouldDrop() {
        try (StandardOutputCapture output = StandardOutputCapture.start()) {
            System.out.println(EMF.formatted("send", "\"one\""));

            AssertionError error = assertThrows(AssertionError.class, output::metrics);
            assertEquals(true, error.getMessage().startsWith("metric MessagesEchoed has no numeric value"));
        }
        try (StandardOutputCapture output = StandardOutputCapture.start()) {
            System.out.println(EMF.formatted("send", "1").replace("\"Route\":\"send\",", ""));

            AssertionError error = assertThrows(AssertionError.class, output::metrics);
            assertEquals(true, error.getMessage().startsWith("dimension Route has no string value"));
        }
    }

    @Test
    void refusesALineThatLooksLikeJsonButIsNot() {
        try (StandardOutputCapture output = StandardOutputCapture.start()) {
            System.out.println("{\"message\": ");

            assertThrows(AssertionError.class, output::jsonLines);
        }
    }

    @Test
    void putsStandardOutputBack() {
        PrintStream before = System.out;
        try (StandardOutputCapture output = StandardOutputCapture.start()) {
            System.out.println("captured");
        }
        assertSame(before, System.out);
    }
}
