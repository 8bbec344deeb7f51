package com.example.observability;

/** A figure the API publishes to CloudWatch, by its name there and its unit; each class declares those it records. */
public record Metric(String name, String unit) {

    public static Metric count(String name) {
        return new Metric(name, "Count");
    }
}
