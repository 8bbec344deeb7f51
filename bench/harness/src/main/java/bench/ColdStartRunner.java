// SPDX-License-Identifier: Apache-2.0

package bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * What Lambda does in a fresh execution environment, minus the runtime's own plumbing: load the
 * handler class, create it through its no-argument constructor (static and constructor
 * initialisation included), optionally prime it as SnapStart would before its snapshot, hand it one
 * event, then report on standard output how long priming and the first event took, and "done".
 * See {@link Priming} for the ways of priming.
 */
public final class ColdStartRunner {

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        String kind = args[1];
        String priming = args.length > 2 ? args[2] : "none";
        @SuppressWarnings("unchecked")
        RequestHandler<Object, Object> handler =
                (RequestHandler<Object, Object>) Class.forName(handlerClass).getDeclaredConstructor().newInstance();
        Object event = switch (kind) {
            case "floor" -> Map.of();
            case "send" -> RunnerEvents.send();
            case "connect" -> RunnerEvents.connect();
            default -> throw new IllegalArgumentException(kind);
        };
        long primingStart = System.nanoTime();
        Priming.run(priming, handler);
        long invocationStart = System.nanoTime();
        handler.handleRequest(event, new RunnerContext());
        long end = System.nanoTime();
        System.out.println("priming " + (invocationStart - primingStart));
        System.out.println("first-event " + (end - invocationStart));
        System.out.println("done");
        System.out.flush();
        System.exit(0);
    }

    private static final class RunnerContext implements Context {
        private final LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
            }

            @Override
            public void log(byte[] message) {
            }
        };

        @Override public String getAwsRequestId() { return "bench"; }
        @Override public String getLogGroupName() { return "bench"; }
        @Override public String getLogStreamName() { return "bench"; }
        @Override public String getFunctionName() { return "bench"; }
        @Override public String getFunctionVersion() { return "1"; }
        @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:bench"; }
        @Override public CognitoIdentity getIdentity() { return null; }
        @Override public ClientContext getClientContext() { return null; }
        @Override public int getRemainingTimeInMillis() { return 15_000; }
        @Override public int getMemoryLimitInMB() { return 1024; }
        @Override public LambdaLogger getLogger() { return logger; }
    }
}
