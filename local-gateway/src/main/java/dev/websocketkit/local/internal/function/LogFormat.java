// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How Lambda writes what a function logs, from the function's {@code LoggingConfig}: as it is
 * ({@code Text}, the default), or as one JSON object a line ({@code JSON}) with lines below the
 * {@code ApplicationLogLevel} dropped. Lines a function prints itself pass through unchanged, except
 * that in JSON mode a JSON line whose {@code level} is below the threshold is dropped too.
 */
public final class LogFormat {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final boolean json;
    private final LogLevel threshold;

    private LogFormat(boolean json, LogLevel threshold) {
        this.json = json;
        this.threshold = threshold;
    }

    public static LogFormat text() {
        return new LogFormat(false, LogLevel.UNDEFINED);
    }

    /** {@code format} is {@code Text} or {@code JSON}; {@code applicationLogLevel} applies to JSON only, INFO if absent. */
    public static LogFormat of(String format, String applicationLogLevel) {
        if (format == null || format.equalsIgnoreCase("Text")) {
            return text();
        }
        if (!format.equalsIgnoreCase("JSON")) {
            throw new IllegalArgumentException("LogFormat must be Text or JSON, not " + format);
        }
        return new LogFormat(true, applicationLogLevel == null ? LogLevel.INFO : LogLevel.fromString(applicationLogLevel));
    }

    public boolean isJson() {
        return json;
    }

    /** The variables Lambda sets for the function's own logging libraries. */
    public Map<String, String> environment() {
        return json ? Map.of("AWS_LAMBDA_LOG_FORMAT", "JSON", "AWS_LAMBDA_LOG_LEVEL", threshold.name()) : Map.of();
    }

    /** A line written through the function's {@code LambdaLogger}; empty when its level is filtered out. */
    Optional<String> loggerLine(String message, LogLevel level, String requestId) {
        String text = message.stripTrailing();
        if (!json) {
            return Optional.of(text);
        }
        if (isBelowThreshold(level)) {
            return Optional.empty();
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", TIMESTAMP.format(Instant.now()));
        line.put("message", text);
        line.put("level", level.name());
        line.put("AWSRequestId", requestId);
        return Optional.of(write(line));
    }

    /** Whether a line the function printed to standard output is kept: in JSON mode, one whose {@code level} is below the threshold is not. */
    boolean keepsPrinted(String line) {
        return !(json && line.startsWith("{") && isBelowThreshold(levelOf(line)));
    }

    private boolean isBelowThreshold(LogLevel level) {
        return level != LogLevel.UNDEFINED && level.ordinal() < threshold.ordinal();
    }

    /** The top-level {@code level} field of a JSON line, read without parsing the rest of it. */
    private static LogLevel levelOf(String line) {
        try (JsonParser parser = JSON.std.getStreamingFactory().createParser(line)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return LogLevel.UNDEFINED;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean isLevel = parser.currentName().equals("level");
                JsonToken value = parser.nextToken();
                if (isLevel) {
                    return value == JsonToken.VALUE_STRING ? LogLevel.fromString(parser.getText()) : LogLevel.UNDEFINED;
                }
                parser.skipChildren();
            }
            return LogLevel.UNDEFINED;
        } catch (IOException | IllegalArgumentException notAJsonLogLine) {
            return LogLevel.UNDEFINED;
        }
    }

    private static String write(Map<String, Object> line) {
        try {
            return JSON.std.asString(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
