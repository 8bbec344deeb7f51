// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import dev.websocketkit.local.internal.account.LocalAccount;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The Lambda context of one invocation in the local account: ids, limits and the time left; the logger is the subclass's. */
public abstract class InvocationContext implements Context {

    private final String requestId = new UUID(ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong()).toString();
    private final String functionName;
    private final int memoryMegabytes;
    private final long deadlineMillis;

    protected InvocationContext(String functionName, int memoryMegabytes, Duration timeout) {
        this.functionName = functionName;
        this.memoryMegabytes = memoryMegabytes;
        this.deadlineMillis = System.currentTimeMillis() + timeout.toMillis();
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
}
