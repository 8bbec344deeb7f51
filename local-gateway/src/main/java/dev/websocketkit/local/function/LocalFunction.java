// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.template.WebSocketApiDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One function of the template, running in its own {@link FunctionClassLoader}: its handler is
 * created once, through its public no-argument constructor as Lambda does, and then invoked for
 * every event, like a warm execution environment. Invocations run on the gateway's invocation
 * threads, concurrently, each bounded by the function's {@code Timeout}.
 */
public final class LocalFunction {

    /** How a handler is called: through {@link RequestHandler}, or a public method named in {@code Handler}. */
    private interface Entry {
        Object call(Object event, Context context) throws Exception;
    }

    private final WebSocketApiDefinition.Function definition;
    private final FunctionClassLoader loader;
    private final LogFormat format;
    private final Consumer<String> log;
    private final CompletableFuture<Void> resources;
    private final Executor invocations;
    private final CompletableFuture<Entry> entry = new CompletableFuture<>();

    LocalFunction(WebSocketApiDefinition.Function definition, FunctionClassLoader loader, LogFormat format,
                  Consumer<String> log, CompletableFuture<Void> resources, Executor invocations) {
        this.definition = definition;
        this.loader = loader;
        this.format = format;
        this.log = log;
        this.resources = resources;
        this.invocations = invocations;
    }

    public String name() {
        return definition.logicalId();
    }

    /** The variables the function sees through {@code System.getenv()}. */
    public Map<String, String> environment() {
        return loader.environment();
    }

    /**
     * Loads the handler class and creates the handler, as Lambda's init phase does. Runs once;
     * invocations wait for it. A failure is logged and fails every invocation, as on Lambda.
     */
    void initialize() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> handlerClass = Class.forName(definition.handlerClass(), true, loader);
            Object handler = handlerClass.getConstructor().newInstance();
            entry.complete(entryOf(handler));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            logError(new IllegalStateException("Cannot create the handler " + definition.handler()
                    + " through a public no-argument constructor: " + cause, cause));
            entry.completeExceptionally(cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Invokes the handler with {@code event} on an invocation thread, once the handler exists and
     * the template's resources are ready. The result completes with
     * the handler's answer, or exceptionally with what it threw (logged as Lambda logs it) or with
     * a {@link TimeoutException} when the function's {@code Timeout} passed first.
     */
    public CompletableFuture<Object> invoke(Object event) {
        return resources.thenCompose(ready -> entry)
                .thenApplyAsync(handler -> call(handler, event), invocations)
                .orTimeout(definition.timeoutSeconds(), TimeUnit.SECONDS)
                .whenComplete((result, error) -> {
                    if (error instanceof TimeoutException) {
                        log.accept("Task timed out after " + definition.timeoutSeconds() + ".00 seconds");
                    }
                });
    }

    private Object call(Entry handler, Object event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return handler.call(event, new LocalContext(name(), definition.memoryMegabytes(), definition.timeoutSeconds(), format, log));
        } catch (Exception e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            logError(cause);
            throw new CompletionException(cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @SuppressWarnings("unchecked")
    private Entry entryOf(Object handler) throws NoSuchMethodException {
        if (handler instanceof RequestHandler && definition.handlerMethod().equals("handleRequest")) {
            RequestHandler<Object, Object> requestHandler = (RequestHandler<Object, Object>) handler;
            return requestHandler::handleRequest;
        }
        Method method = Arrays.stream(handler.getClass().getMethods())
                .filter(candidate -> candidate.getName().equals(definition.handlerMethod()))
                .filter(candidate -> candidate.getParameterCount() == 1
                        || candidate.getParameterCount() == 2 && candidate.getParameterTypes()[1] == Context.class)
                .findFirst()
                .orElseThrow(() -> new NoSuchMethodException(definition.handler() + ": no public method "
                        + definition.handlerMethod() + "(event) or " + definition.handlerMethod() + "(event, Context)"));
        return method.getParameterCount() == 1
                ? (event, context) -> method.invoke(handler, event)
                : (event, context) -> method.invoke(handler, event, context);
    }

    /** What Lambda's Java runtime logs for an uncaught exception: one JSON object. */
    private void logError(Throwable error) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("errorMessage", String.valueOf(error.getMessage()));
        report.put("errorType", error.getClass().getName());
        List<String> stackTrace = Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList();
        report.put("stackTrace", stackTrace);
        try {
            log.accept(JSON.std.asString(report));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
