// SPDX-License-Identifier: Apache-2.0

package com.example.observability;

import com.example.aws.Environment;
import software.amazon.lambda.powertools.metrics.MetricsFactory;

/**
 * Bench variant of the generated {@code Metrics}, same API: each invocation's figures go through
 * Powertools for AWS Lambda (Java) v2's metrics module, by its functional API (no AspectJ): the one
 * {@code Metrics} instance of {@link MetricsFactory}, flushed once an invocation.
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
        software.amazon.lambda.powertools.metrics.Metrics metrics = MetricsFactory.getMetricsInstance();
        metrics.setNamespace(namespace);
        return new Measurements(metrics);
    }
}
