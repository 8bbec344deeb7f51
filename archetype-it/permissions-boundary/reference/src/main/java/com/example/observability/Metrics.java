package com.example.observability;

import com.example.aws.Environment;
import com.example.messaging.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Metrics in CloudWatch's Embedded Metric Format: a JSON line on standard output, from which
 * CloudWatch Logs extracts the metrics in the API's namespace ({@code METRICS_NAMESPACE}). No
 * client library and no call to CloudWatch: printing costs microseconds and nothing at cold start.
 *
 * <pre>{@code
 * metrics.record(Map.of(Metric.MESSAGES, 1), "Route", "send");
 * // {"_aws":{"Timestamp":…,"CloudWatchMetrics":[{"Namespace":"echo-app","Dimensions":[["Route"]],
 * //   "Metrics":[{"Name":"Messages","Unit":"Count"}]}]},"Route":"send","Messages":1}
 * }</pre>
 */
public final class Metrics {

    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** The dimension of figures per route. */
    public static final String ROUTE = "Route";

    private final String namespace;

    public Metrics(String namespace) {
        this.namespace = namespace;
    }

    /** The namespace {@code METRICS_NAMESPACE} names. */
    public static Metrics fromEnvironment() {
        return new Metrics(Environment.require(NAMESPACE_VARIABLE));
    }

    /** Records figures without a dimension: totals of the whole API. */
    public void record(Map<Metric, ? extends Number> values) {
        print(values, Map.of());
    }

    /** Records figures for one value of a dimension, e.g. {@code "Route", "send"}. */
    public void record(Map<Metric, ? extends Number> values, String dimension, String value) {
        print(values, Map.of(dimension, value));
    }

    private void print(Map<Metric, ? extends Number> values, Map<String, String> dimensions) {
        List<Map<String, String>> definitions = new ArrayList<>();
        values.keySet().forEach(metric -> definitions.add(Map.of("Name", metric.cloudWatchName(), "Unit", metric.unit())));
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(List.copyOf(dimensions.keySet())));
        directive.put("Metrics", definitions);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", Instant.now().toEpochMilli(), "CloudWatchMetrics", List.of(directive)));
        line.putAll(dimensions);
        values.forEach((metric, value) -> line.put(metric.cloudWatchName(), value));
        System.out.println(Json.write(line));
    }
}
