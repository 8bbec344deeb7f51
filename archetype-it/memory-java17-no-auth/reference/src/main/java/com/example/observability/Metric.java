package com.example.observability;

/**
 * Every metric this API emits, with its CloudWatch name and unit: the one list that code, alarms and
 * the dashboard in template.yaml share (TemplateTest checks that they agree).
 */
public enum Metric {

    /** A client connected ({@code $connect} accepted it). */
    CONNECTIONS_OPENED("ConnectionsOpened", "Count"),
    /** A client left ({@code $disconnect}). */
    CONNECTIONS_CLOSED("ConnectionsClosed", "Count"),
    /** A message a route handled; by {@code Route}. */
    MESSAGES("Messages", "Count"),
    /** A message the API could not act on and answered with an error; by {@code Route}. */
    INVALID_MESSAGES("InvalidMessages", "Count"),
    /** A post to a connection that reached it. */
    DELIVERIES("Deliveries", "Count");

    private final String cloudWatchName;
    private final String unit;

    Metric(String cloudWatchName, String unit) {
        this.cloudWatchName = cloudWatchName;
        this.unit = unit;
    }

    public String cloudWatchName() {
        return cloudWatchName;
    }

    public String unit() {
        return unit;
    }
}
