// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.function;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
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

    /** A line the function printed to standard output or error; empty when JSON mode filters it out. */
    Optional<String> printedLine(String line) {
        if (json && line.startsWith("{") && isBelowThreshold(levelOf(line))) {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    private boolean isBelowThreshold(LogLevel level) {
        return level != LogLevel.UNDEFINED && level.ordinal() < threshold.ordinal();
    }

    private static LogLevel levelOf(String line) {
        try {
            Object level = JSON.std.mapFrom(line).get("level");
            return level instanceof String ? LogLevel.fromString((String) level) : LogLevel.UNDEFINED;
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
