// SPDX-License-Identifier: Apache-2.0

package bench;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.api.client.api.LambdaContext;
import com.amazonaws.services.lambda.runtime.api.client.logging.LambdaContextLogger;
import com.amazonaws.services.lambda.runtime.api.client.logging.StdOutLogSink;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.lang.reflect.Field;
import java.util.Map;

/**
 * What Lambda does in a fresh execution environment, minus the runtime's own plumbing: create the
 * runtime's logger as Lambda's Java runtime does ({@code AWS_LAMBDA_LOG_FORMAT}, {@code
 * AWS_LAMBDA_LOG_LEVEL}: with JSON, its JSON formatter), load the handler class, create it through
 * its no-argument constructor (static and constructor initialisation included), optionally prime it
 * as SnapStart would before its snapshot, hand it one event with the runtime's own context class,
 * then report on standard output how long priming and the first event took, and "done". It then
 * waits for its standard input to close, so that the benchmark can read its processor time while
 * the process still exists. See {@link Priming} for the ways of priming.
 *
 * <p>{@code BENCH_SPIN_MILLIS}, when set, spends that many milliseconds of processor time before
 * the handler loads: a handler made slower on purpose, to see the benchmark's stability check fail.
 */
public final class ColdStartRunner {

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0];
        String kind = args[1];
        String priming = args.length > 2 ? args[2] : "none";
        spin(System.getenv("BENCH_SPIN_MILLIS"));
        LambdaContextLogger logger = runtimeLogger();
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
        LambdaContext context = new LambdaContext(1024, System.currentTimeMillis() + 15_000, "8f4f0d3c-bench-4e1b-9a55-0c5e1d2f3a4b",
                "/aws/lambda/bench", "2026/12/01/[$LATEST]bench", "bench", null, "$LATEST",
                "arn:aws:lambda:us-east-1:123456789012:function:bench", null, null, null);
        logger.setLambdaContext(context);
        handler.handleRequest(event, context);
        long end = System.nanoTime();
        System.out.println("priming " + (invocationStart - primingStart));
        System.out.println("first-event " + (end - invocationStart));
        System.out.println("done");
        System.out.flush();
        while (System.in.read() >= 0) {
            // the benchmark reads this process's processor time, then closes our standard input
        }
        System.exit(0);
    }

    /** The logger Lambda's Java runtime creates before it loads the handler, set where {@link LambdaRuntime#getLogger()} finds it. */
    private static LambdaContextLogger runtimeLogger() throws ReflectiveOperationException {
        LambdaContextLogger logger = new LambdaContextLogger(new StdOutLogSink(),
                LogLevel.fromString(System.getenv().getOrDefault("AWS_LAMBDA_LOG_LEVEL", "UNDEFINED")),
                LogFormat.fromString(System.getenv().getOrDefault("AWS_LAMBDA_LOG_FORMAT", "TEXT")));
        Field field = LambdaRuntime.class.getDeclaredField("logger");
        field.setAccessible(true);
        field.set(null, logger);
        return logger;
    }

    private static void spin(String millis) {
        if (millis == null || millis.isEmpty()) {
            return;
        }
        long until = System.nanoTime() + Long.parseLong(millis) * 1_000_000;
        long spins = 0;
        while (System.nanoTime() < until) {
            spins++;
        }
        if (spins < 0) {
            System.out.println(spins);
        }
    }
}
