// SPDX-License-Identifier: Apache-2.0

package com.example.observability;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Bench variant of the generated {@code Log}, same API: lines written as Powertools v2's logging
 * writes them, through SLF4J to log4j2's JsonTemplateLayout on standard output (log4j2.xml). {@link
 * #of} puts the invocation's fields in the MDC as {@code PowertoolsLogging.withLogging(context, …)}
 * does; {@link #with}'s fields go in the MDC for the line they are written with (where Powertools
 * would take {@code StructuredArguments.entry}).
 */
public final class Log {

    private static final Logger LOGGER = LoggerFactory.getLogger("com.example");
    private static boolean coldStart = true;

    private final Map<String, Object> fields;

    private Log(Map<String, Object> fields) {
        this.fields = fields;
    }

    /** A log for one invocation: its lines carry the Lambda context's fields, as Powertools' are. */
    public static Log of(Context context) {
        MDC.put("function_name", context.getFunctionName());
        MDC.put("function_version", context.getFunctionVersion());
        MDC.put("function_arn", context.getInvokedFunctionArn());
        MDC.put("function_memory_size", String.valueOf(context.getMemoryLimitInMB()));
        MDC.put("function_request_id", context.getAwsRequestId());
        MDC.put("cold_start", String.valueOf(coldStart));
        MDC.put("service", System.getenv().getOrDefault("POWERTOOLS_SERVICE_NAME", "service_undefined"));
        coldStart = false;
        return new Log(new LinkedHashMap<>());
    }

    public Log with(String name, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return new Log(more);
    }

    public void debug(String message) {
        fields.forEach((name, value) -> MDC.put(name, String.valueOf(value)));
        try {
            LOGGER.debug(message);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    public void info(String message) {
        fields.forEach((name, value) -> MDC.put(name, String.valueOf(value)));
        try {
            LOGGER.info(message);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    public void warn(String message) {
        fields.forEach((name, value) -> MDC.put(name, String.valueOf(value)));
        try {
            LOGGER.warn(message);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }

    public void error(String message) {
        fields.forEach((name, value) -> MDC.put(name, String.valueOf(value)));
        try {
            LOGGER.error(message);
        } finally {
            fields.keySet().forEach(MDC::remove);
        }
    }
}
