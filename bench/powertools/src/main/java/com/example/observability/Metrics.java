// SPDX-License-Identifier: Apache-2.0

package com.example.observability;

import com.example.aws.Environment;
import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;

/**
 * Bench variant of the generated {@code Metrics}, same API: each invocation's figures go through
 * aws-embedded-metrics' {@code MetricsLogger}, as Powertools v2's metrics module writes them (its
 * {@code EmfMetricsLogger} wraps one, with one {@code EnvironmentProvider} for the function).
 */
public final class Metrics {

    public static final String NAMESPACE_VARIABLE = "METRICS_NAMESPACE";
    /** The dimension of figures per route. */
    public static final String ROUTE = "Route";

    private static final EnvironmentProvider ENVIRONMENTS = new EnvironmentProvider();

    private final String namespace;

    public Metrics(String namespace) {
        this.namespace = namespace;
    }

    public static Metrics fromEnvironment() {
        return new Metrics(Environment.require(NAMESPACE_VARIABLE));
    }

    public Measurements start() {
        return new Measurements(namespace, ENVIRONMENTS);
    }
}
