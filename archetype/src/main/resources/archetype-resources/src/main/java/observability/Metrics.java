package ${package}.observability;

import ${package}.aws.Environment;

/**
 * Metrics in CloudWatch's Embedded Metric Format, in the API's namespace ({@code METRICS_NAMESPACE}):
 * each invocation gathers its figures in {@link Measurements} and prints them as one JSON line, from
 * which CloudWatch Logs extracts them. No client library and no call to CloudWatch: printing costs
 * microseconds and nothing at cold start, and one document an invocation is one log event to pay for.
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

    /** No figures yet, for one invocation. */
    public Measurements start() {
        return new Measurements(namespace);
    }
}
