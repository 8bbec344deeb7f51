// SPDX-License-Identifier: Apache-2.0

package com.example.observability;

import software.amazon.lambda.powertools.metrics.model.MetricUnit;

/**
 * Bench variant of the generated {@code Measurements}, same API: one document an invocation, written
 * by Powertools v2's metrics module (on aws-embedded-metrics). Its dimensions apply to every metric of
 * the document, as in Powertools (one set of dimensions a flush).
 */
public final class Measurements {

    private final software.amazon.lambda.powertools.metrics.Metrics metrics;
    private boolean empty = true;

    Measurements(software.amazon.lambda.powertools.metrics.Metrics metrics) {
        this.metrics = metrics;
    }

    public Measurements add(Metric metric, long value) {
        return put(metric, value);
    }

    public Measurements add(Metric metric, long value, String dimension, String dimensionValue) {
        metrics.addDimension(dimension, dimensionValue);
        return put(metric, value);
    }

    private Measurements put(Metric metric, long value) {
        metrics.addMetric(metric.name(), value, metric.unit().equals("Count") ? MetricUnit.COUNT : MetricUnit.MILLISECONDS);
        empty = false;
        return this;
    }

    public void publish() {
        if (!empty) {
            metrics.flush();
        }
    }
}
