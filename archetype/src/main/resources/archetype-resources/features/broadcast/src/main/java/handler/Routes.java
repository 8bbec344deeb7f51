package ${package}.handler;

import java.util.List;

/** The route keys of the API; template.yaml declares the same routes. */
public final class Routes {

    public static final String CONNECT = "$connect";
    public static final String DISCONNECT = "$disconnect";
    public static final String DEFAULT = "$default";
    public static final String SEND = "send";
    public static final String BROADCAST = "broadcast";

    /** The routes clients can name in the {@code message} field of what they send. */
    public static final List<String> MESSAGE_ROUTES = List.of(SEND, BROADCAST);

    private Routes() {
    }
}
