package ${package}.observability;

/**
 * Every metric this API emits, with its CloudWatch name and unit: the one list that code, alarms and
 * the dashboard in template.yaml share (TemplateTest checks that they agree).
 */
public enum Metric {

    /** A client connected ({@code $connect} accepted it). */
    CONNECTIONS_OPENED("ConnectionsOpened", "Count"),
    /** A client left ({@code $disconnect}). */
    CONNECTIONS_CLOSED("ConnectionsClosed", "Count"),
#if( $auth == 'jwt' )
    /** The authorizer refused a handshake's token. */
    CONNECTIONS_REJECTED("ConnectionsRejected", "Count"),
#end
    /** A message a route handled; by {@code Route}. */
    MESSAGES("Messages", "Count"),
    /** A message the API could not act on and answered with an error; by {@code Route}. */
    INVALID_MESSAGES("InvalidMessages", "Count"),
#if( $storeType == 'dynamodb' )
    /** A post to a connection that reached it. */
    DELIVERIES("Deliveries", "Count"),
    /** A post answered 410 Gone: the connection was removed. */
    GONE_CONNECTIONS("GoneConnections", "Count"),
    /** A post that failed, retries included. */
    FAILED_POSTS("FailedPosts", "Count"),
    /** The connections a broadcast is for. */
    BROADCAST_SIZE("BroadcastSize", "Count"),
    /** How long a broadcast function or worker took to post what it posted. */
    BROADCAST_DURATION("BroadcastDuration", "Milliseconds"),
    /** A broadcast past the fan-out threshold, queued in pages for the workers. */
    BROADCASTS_FANNED_OUT("BroadcastsFannedOut", "Count"),
    /** Connections a broadcast could not reach after every attempt, kept in the dead-letter queue. */
    DEAD_LETTERED_CONNECTIONS("DeadLetteredConnections", "Count");
#else
    /** A post to a connection that reached it. */
    DELIVERIES("Deliveries", "Count");
#end

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
