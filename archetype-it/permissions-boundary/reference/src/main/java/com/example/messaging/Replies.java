package com.example.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON this API sends to a client that asked for something it cannot do. */
public final class Replies {

    /** A valid message, shown to clients whose message was not. */
    public static final String EXAMPLE = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    private Replies() {
    }

    public static String error(String reason) {
        return Json.write(errorFields(reason));
    }

    public static String unsupportedRoute(String reason, List<String> routes) {
        Map<String, Object> fields = errorFields(reason);
        fields.put("routes", routes);
        return Json.write(fields);
    }

    private static Map<String, Object> errorFields(String reason) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("error", reason);
        fields.put("example", EXAMPLE);
        return fields;
    }
}
