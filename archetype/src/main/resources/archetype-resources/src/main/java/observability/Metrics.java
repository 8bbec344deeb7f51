package ${package}.observability;

import ${package}.aws.Environment;

/**
 * Metrics in CloudWatch's Embedded Metric Format, in the API's namespace: each invocation prints its
 * {@link Measurements} as one JSON line, which CloudWatch Logs extracts. No client library and no call
 * to CloudWatch: it costs nothing at cold start, and one log event an invocation.
 */
public final class Metrics {

    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** The dimension of figures per route. */
    public static final String ROUTE = "Route";

    private final String namespace;

    public Metrics(String namespace) {
        this.namespace = namespace;
    }

    public static Metrics fromEnvironment() {
        return new Metrics(Environment.require(NAMESPACE_VARIABLE));
    }

    public Measurements start() {
        return new Measurements(namespace);
    }
}
