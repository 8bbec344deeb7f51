// SPDX-License-Identifier: Apache-2.0

package com.example.observability;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bench variant of the generated {@code Log}, same API: lines written through the runtime's {@code
 * LambdaLogger}, which with Lambda's JSON log format ({@code AWS_LAMBDA_LOG_FORMAT=JSON}) writes each
 * as {@code {"timestamp","level","message","AWSRequestId"}}. That object has no room for more keys:
 * {@link #with}'s fields go into the message's text. The metrics stay as generated (EMF by hand).
 */
public final class Log {

    private final LambdaLogger logger;
    private final Map<String, Object> fields;

    private Log(LambdaLogger logger, Map<String, Object> fields) {
        this.logger = logger;
        this.fields = fields;
    }

    public static Log of(Context context) {
        return new Log(context.getLogger(), new LinkedHashMap<>());
    }

    public Log with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Log(logger, more);
    }

    public void debug(String message) {
        logger.log(text(message), LogLevel.DEBUG);
    }

    public void info(String message) {
        logger.log(text(message), LogLevel.INFO);
    }

    public void warn(String message) {
        logger.log(text(message), LogLevel.WARN);
    }

    public void error(String message) {
        logger.log(text(message), LogLevel.ERROR);
    }

    private String text(String message) {
        return fields.isEmpty() ? message : message + " " + fields;
    }
}
