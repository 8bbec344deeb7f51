// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.websocketkit.local.aws.LocalAccount;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/** The Lambda context of one invocation: ids, limits, the time left and a logger. */
final class LocalContext implements Context {

    private final String requestId = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()).toString();
    private final String functionName;
    private final int memoryMegabytes;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    LocalContext(String functionName, int memoryMegabytes, int timeoutSeconds, LogFormat format, Consumer<String> log) {
        this.functionName = functionName;
        this.memoryMegabytes = memoryMegabytes;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
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
                format.loggerLine(message, level, requestId).ifPresent(log);
            }

            @Override
            public void log(byte[] message, LogLevel level) {
                log(new String(message, StandardCharsets.UTF_8), level);
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:" + LocalAccount.PARTITION + ":lambda:" + LocalAccount.REGION + ":" + LocalAccount.ACCOUNT_ID
                + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMegabytes;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
