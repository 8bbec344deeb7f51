package com.example.observability;

import com.example.messaging.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one invocation, published together as one Embedded Metric Format document.
 *
 * <pre>{@code
 * metrics.start().add(MESSAGES, 1, Metrics.ROUTE, "send").add(DELIVERIES, 1).publish();
 * // {"_aws":{"Timestamp":…,"CloudWatchMetrics":[
 * //   {"Namespace":"echo-app","Dimensions":[["Route"]],"Metrics":[{"Name":"Messages","Unit":"Count"}]},
 * //   {"Namespace":"echo-app","Dimensions":[[]],"Metrics":[{"Name":"Deliveries","Unit":"Count"}]}]},
 * //  "Route":"send","Messages":1,"Deliveries":1}
 * }</pre>
 */
public final class Measurements {

    private final String namespace;
    /** By dimensions (none for the API's totals), then by name: a record key's first hashCode would cost cold start milliseconds. */
    private final Map<Map<String, String>, Map<String, Long>> figures = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();

    Measurements(String namespace) {
        this.namespace = namespace;
    }

    /** Adds {@code value} to a figure of the whole API. */
    public Measurements add(Metric metric, long value) {
        return add(metric, value, Map.of());
    }

    /** Adds {@code value} to a figure for one value of a dimension, e.g. {@code Metrics.ROUTE, "send"}. */
    public Measurements add(Metric metric, long value, String dimension, String dimensionValue) {
        return add(metric, value, Map.of(dimension, dimensionValue));
    }

    private Measurements add(Metric metric, long value, Map<String, String> dimensions) {
        units.put(metric.name(), metric.unit());
        figures.computeIfAbsent(dimensions, any -> new LinkedHashMap<>()).merge(metric.name(), value, Long::sum);
        return this;
    }

    /** Prints the figures as one document, which holds one value per name: a metric for one set of dimensions. */
    public void publish() {
        if (figures.isEmpty()) {
            return;
        }
        List<Map<String, Object>> directives = new ArrayList<>();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("_aws", Map.of("Timestamp", Instant.now().toEpochMilli(), "CloudWatchMetrics", directives));
        figures.forEach((dimensions, values) -> {
            dimensions.forEach((name, value) -> putOnce(document, name, value));
            List<Map<String, String>> definitions = new ArrayList<>();
            values.forEach((name, value) -> {
                putOnce(document, name, value);
                definitions.add(Map.of("Name", name, "Unit", units.get(name)));
            });
            directives.add(Map.of("Namespace", namespace, "Dimensions", List.of(List.copyOf(dimensions.keySet())), "Metrics", definitions));
        });
        System.out.println(Json.write(document));
    }

    private static void putOnce(Map<String, Object> document, String name, Object value) {
        Object previous = document.putIfAbsent(name, value);
        if (previous != null && !previous.equals(value)) {
            throw new IllegalStateException("One document holds one value of " + name + ": " + previous + " and " + value);
        }
    }
}
