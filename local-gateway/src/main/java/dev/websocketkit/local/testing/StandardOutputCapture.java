// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the code under test prints on {@code System.out}, where Lambda functions write structured
 * logs and Embedded Metric Format lines, read back as lines, log messages and metrics. Replaces
 * {@code System.out} until closed; tests that use it must not run in parallel.
 *
 * <pre>{@code
 * try (StandardOutputCapture output = StandardOutputCapture.start()) {
 *     handler.handleRequest(event, context);
 *     assertEquals(List.of("Connected"), output.messages());
 *     assertEquals(1.0, output.metrics().get("ConnectionsOpened"));
 * }
 * }</pre>
 */
public final class StandardOutputCapture implements AutoCloseable {

    private final PrintStream original = System.out;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    private StandardOutputCapture() {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    public static StandardOutputCapture start() {
        return new StandardOutputCapture();
    }

    /** Every line printed so far. */
    public List<String> lines() {
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The lines that are JSON objects, parsed; a line that starts like one but is not fails. */
    public List<Map<String, Object>> jsonLines() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String line : lines()) {
            if (line.startsWith("{")) {
                objects.add(parse(line));
            }
        }
        return objects;
    }

    /** The JSON lines that are logs, not metrics. */
    public List<Map<String, Object>> logs() {
        return jsonLines().stream().filter(line -> !line.containsKey("_aws")).toList();
    }

    /** The {@code message} of each log line, in order. */
    public List<String> messages() {
        return logs().stream().map(line -> String.valueOf(line.get("message"))).toList();
    }

    /** The sum of each metric over every Embedded Metric Format line, whatever its dimensions. */
    public Map<String, Double> metrics() {
        return metrics(Map.of());
    }

    /**
     * The sum of each metric that an Embedded Metric Format line declares for a set of dimensions
     * including {@code dimensions}, with their values. One line may declare metrics for several sets.
     * Each line is checked as CloudWatch would: every metric it declares has a numeric value, every
     * dimension a string one.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Double> metrics(Map<String, String> dimensions) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Map<String, Object> line : jsonLines()) {
            Object metadata = line.get("_aws");
            if (metadata == null) {
                continue;
            }
            boolean valuesMatch = dimensions.entrySet().stream().allMatch(dimension -> dimension.getValue().equals(line.get(dimension.getKey())));
            if (!(metadata instanceof Map<?, ?> aws) || !(aws.get("CloudWatchMetrics") instanceof List<?> directives)) {
                throw new AssertionError("no CloudWatchMetrics in " + line);
            }
            for (Object directive : directives) {
                Map<String, Object> declared = (Map<String, Object>) directive;
                if (!(declared.get("Namespace") instanceof String)) {
                    throw new AssertionError("no namespace in " + line);
                }
                boolean matches = false;
                for (Object set : (List<Object>) declared.get("Dimensions")) {
                    for (Object dimension : (List<Object>) set) {
                        if (!(line.get(dimension) instanceof String)) {
                            throw new AssertionError("dimension " + dimension + " has no string value in " + line);
                        }
                    }
                    matches |= valuesMatch && ((List<Object>) set).containsAll(dimensions.keySet());
                }
                for (Object metric : (List<Object>) declared.get("Metrics")) {
                    String name = (String) ((Map<String, Object>) metric).get("Name");
                    if (!(line.get(name) instanceof Number value)) {
                        throw new AssertionError("metric " + name + " has no numeric value in " + line);
                    }
                    if (matches) {
                        sums.merge(name, value.doubleValue(), Double::sum);
                    }
                }
            }
        }
        return sums;
    }

    /** Puts {@code System.out} back. */
    @Override
    public void close() {
        System.out.flush();
        System.setOut(original);
    }

    private static Map<String, Object> parse(String line) {
        try {
            return JSON.std.mapFrom(line);
        } catch (IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }
}
