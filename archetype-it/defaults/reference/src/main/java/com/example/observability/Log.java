package com.example.observability;

import com.example.messaging.Json;
import com.amazonaws.services.lambda.runtime.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON object a line on standard output, which Lambda's JSON log format keeps as
 * it is and filters by its {@code level}. Never log a token, an API key or a message body.
 *
 * <pre>{@code
 * Log.of(context).with("connectionId", id).with("route", "send").info("Echoed");
 * // {"timestamp":"…","level":"INFO","message":"Echoed","requestId":"…","function":"…","connectionId":"…","route":"send"}
 * }</pre>
 */
public final class Log {

    private final Map<String, Object> fields;

    private Log(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** A log for one invocation: its lines carry the request id and the function's name. */
    public static Log of(Context context) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", context.getAwsRequestId());
        fields.put("function", context.getFunctionName());
        return new Log(fields);
    }

    /** This log, its lines also carrying {@code name}; values are written as JSON, so no value can break a line. */
    public Log with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Log(more);
    }

    public void debug(String message) {
        write("DEBUG", message);
    }

    public void info(String message) {
        write("INFO", message);
    }

    public void warn(String message) {
        write("WARN", message);
    }

    public void error(String message) {
        write("ERROR", message);
    }

    private void write(String level, String message) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.now().toString());
        line.put("level", level);
        line.put("message", message);
        line.putAll(fields);
        System.out.println(Json.write(line));
    }
}
