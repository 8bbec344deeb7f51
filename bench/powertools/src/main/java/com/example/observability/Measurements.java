// SPDX-License-Identifier: Apache-2.0

package com.example.observability;

import software.amazon.cloudwatchlogs.emf.environment.EnvironmentProvider;
import software.amazon.cloudwatchlogs.emf.exception.InvalidDimensionException;
import software.amazon.cloudwatchlogs.emf.exception.InvalidMetricException;
import software.amazon.cloudwatchlogs.emf.exception.InvalidNamespaceException;
import software.amazon.cloudwatchlogs.emf.logger.MetricsLogger;
import software.amazon.cloudwatchlogs.emf.model.DimensionSet;
import software.amazon.cloudwatchlogs.emf.model.Unit;

/**
 * Bench variant of the generated {@code Measurements}, same API: one aws-embedded-metrics document an
 * invocation. Its dimension sets apply to every metric of the document, as in Powertools' (one set of
 * dimensions a flush), so a figure with a Route is also published without, and the other way round.
 */
public final class Measurements {

    private final MetricsLogger logger;
    private boolean empty = true;

    Measurements(String namespace, EnvironmentProvider environments) {
        logger = new MetricsLogger(environments);
        // Not the library's default dimensions (log group, service name and type): Powertools sets its own.
        logger.setDimensions();
        try {
            logger.setNamespace(namespace);
        } catch (InvalidNamespaceException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Measurements add(Metric metric, long value) {
        return put(metric, value);
    }

    public Measurements add(Metric metric, long value, String dimension, String dimensionValue) {
        try {
            logger.putDimensions(DimensionSet.of(dimension, dimensionValue));
        } catch (InvalidDimensionException e) {
            throw new IllegalArgumentException(e);
        }
        return put(metric, value);
    }

    private Measurements put(Metric metric, long value) {
        try {
            logger.putMetric(metric.name(), value, Unit.fromValue(metric.unit()));
        } catch (InvalidMetricException e) {
            throw new IllegalArgumentException(e);
        }
        empty = false;
        return this;
    }

    public void publish() {
        if (!empty) {
            logger.flush();
        }
    }
}
