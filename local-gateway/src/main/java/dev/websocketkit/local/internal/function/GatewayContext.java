// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/** The context of an invocation by the gateway: its logger writes in the function's log format. */
final class GatewayContext extends InvocationContext {

    private final LambdaLogger logger;

    GatewayContext(String functionName, int memoryMegabytes, int timeoutSeconds, LogFormat format, Consumer<String> log) {
        super(functionName, memoryMegabytes, Duration.ofSeconds(timeoutSeconds));
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log(message, LogLevel.UNDEFINED);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8), LogLevel.UNDEFINED);
            }

            @Override
            public void log(String message, LogLevel level) {
                format.loggerLine(message, level, getAwsRequestId()).ifPresent(log);
            }

            @Override
            public void log(byte[] message, LogLevel level) {
                log(new String(message, StandardCharsets.UTF_8), level);
            }
        };
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
