// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import dev.websocketkit.local.internal.log.GatewayLog;
import dev.websocketkit.local.internal.account.LocalAccount;
import dev.websocketkit.local.internal.template.Intrinsics;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The functions of the template that the gateway invokes, each in its own class loader with its own environment. */
public final class Functions implements AutoCloseable {

    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    /** How often running invocations are checked against their function's {@code Timeout}, which is whole seconds. */
    private static final long TIMEOUT_CHECK_MILLIS = 100;

    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(daemonThreads("invocation-timeouts"));
    private final HandshakesFirst handshakesFirst = HandshakesFirst.oneMessageAtATime();

    /**
     * @param definitions the functions, by logical id
     * @param intrinsics resolves the functions' environment variables
     * @param accountEnvironment what every function sees besides its own variables: region, credentials, endpoints
     * @param endpoints turns a resolved variable that points at an AWS endpoint into the local one
     * @param classes where the functions' classes are read from
     * @param resources completes when the resources the functions use (tables) exist; invocations wait for it
     * @param log where the functions' log lines go
     */
    public Functions(Collection<WebSocketApiDefinition.Function> definitions, Intrinsics intrinsics,
                     Map<String, String> accountEnvironment, UnaryOperator<String> endpoints, ClassLoader classes,
                     CompletableFuture<Void> resources, GatewayLog log) {
        for (WebSocketApiDefinition.Function definition : definitions) {
            LogFormat format = definition.logging()
                    .map(logging -> LogFormat.of(intrinsics.resolve(logging.logFormat()), intrinsics.resolve(logging.applicationLogLevel())))
                    .orElse(LogFormat.text());
            Map<String, String> environment = new LinkedHashMap<>(accountEnvironment);
            environment.putAll(lambdaVariables(definition));
            environment.putAll(format.environment());
            definition.environment().forEach((name, value) -> {
                String resolved = intrinsics.resolve(value);
                if (resolved != null) {
                    environment.put(name, endpoints.apply(resolved));
                }
            });
            String name = definition.logicalId();
            FunctionClassLoader loader = new FunctionClassLoader(name, classes, Functions.class.getClassLoader(), environment,
                    FunctionOutput.printingTo(line -> log.function(name, line, format::keepsPrinted)),
                    FunctionOutput.printingTo(line -> log.function(name, line)));
            functions.put(name, new LocalFunction(definition, loader, format, line -> log.function(name, line), resources,
                    handshakesFirst));
        }
        timeouts.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            functions.values().forEach(function -> function.expireTimedOut(now));
        }, TIMEOUT_CHECK_MILLIS, TIMEOUT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
    }

    public LocalFunction get(String logicalId) {
        LocalFunction function = functions.get(logicalId);
        if (function == null) {
            throw new IllegalArgumentException("No function " + logicalId);
        }
        return function;
    }

    public Collection<LocalFunction> all() {
        return functions.values();
    }

    /** How much the functions have finished, invocations and init phases: a count that grows while they make progress. */
    public long finishedWork() {
        return functions.values().stream().mapToLong(LocalFunction::finishedWork).sum();
    }

    /** What the functions are doing now, e.g. {@code "SendFunction: 3 invocations"}; {@code null} when nothing. */
    public String workInFlight() {
        String busy = functions.values().stream().map(LocalFunction::workInFlight).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return busy.isEmpty() ? null : busy;
    }

    /** Runs every function's init phase in the background, two at a time; invocations wait for theirs. */
    public CompletableFuture<Void> initializeAll() {
        Semaphore initPhases = new Semaphore(2);
        return CompletableFuture.allOf(functions.values().stream()
                .map(function -> function.initialize(initPhases))
                .toArray(CompletableFuture[]::new));
    }

    /** Lets running invocations, such as the {@code $disconnect} of the connections just closed, finish for a few seconds. */
    @Override
    public void close() {
        timeouts.shutdownNow();
        functions.values().forEach(LocalFunction::shutdown);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        functions.values().forEach(function -> function.awaitTermination(deadline));
    }

    private static Map<String, String> lambdaVariables(WebSocketApiDefinition.Function definition) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        variables.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        variables.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(definition.memoryMegabytes()));
        variables.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + definition.logicalId());
        variables.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
        return variables;
    }

    /** The variables of the local account that every function sees. */
    public static Map<String, String> accountVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_REGION", LocalAccount.REGION);
        variables.put("AWS_DEFAULT_REGION", LocalAccount.REGION);
        variables.put("AWS_ACCESS_KEY_ID", LocalAccount.ACCESS_KEY_ID);
        variables.put("AWS_SECRET_ACCESS_KEY", LocalAccount.SECRET_ACCESS_KEY);
        variables.put("AWS_SESSION_TOKEN", "local-gateway-session");
        return variables;
    }

    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
