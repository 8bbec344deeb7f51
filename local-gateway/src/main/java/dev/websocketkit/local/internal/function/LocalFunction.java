// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.internal.template.WebSocketApiDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One function of the template, running in its own {@link FunctionClassLoader}. Like Lambda, it
 * has execution environments that each handle one event at a time: the first is created at start
 * (the init phase), through the handler's public no-argument constructor; an event that finds
 * every environment busy gets a new one, the way Lambda scales out, up to the function's
 * {@code ReservedConcurrentExecutions} or {@value #MAX_ENVIRONMENTS}, beyond which it waits for
 * one. Environments share the class loader, so unlike Lambda's they share static state.
 * Invocations run on the gateway's invocation threads, each bounded by the function's
 * {@code Timeout}.
 */
public final class LocalFunction {

    /** An event to handle, its answer, and when an environment took it: its {@code Timeout} runs from then, as on Lambda. */
    private static final class Invocation {

        private final Object event;
        private final Work work;
        private final CompletableFuture<Object> answer = new CompletableFuture<>();
        private volatile long startedNanos;
        private volatile boolean started;

        Invocation(Object event, Work work) {
            this.event = event;
            this.work = work;
        }

        void start() {
            startedNanos = System.nanoTime();
            started = true;
        }

        boolean runsLongerThan(long nanos, long nowNanos) {
            return started && nowNanos - startedNanos > nanos;
        }
    }

    /** How a handler is called: through {@link RequestHandler}, or a public method named in {@code Handler}. */
    private interface Entry {
        Object call(Object event, Context context) throws Exception;
    }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final WebSocketApiDefinition.Function definition;
    private final FunctionClassLoader loader;
    private final LogFormat format;
    private final Consumer<String> log;
    private final CompletableFuture<Void> resources;
    /** The most environments of a function without {@code ReservedConcurrentExecutions}: enough for a laptop. */
    static final int MAX_ENVIRONMENTS = 32;

    private final FunctionThreads threads;
    private final HandshakesFirst handshakesFirst;
    private final CompletableFuture<Void> initialized = new CompletableFuture<>();
    /** Completes once the template's resources exist and the first environment is initialised, or fails if either failed. */
    private final CompletableFuture<Void> ready;
    private final long timeoutNanos;
    /** The invocations not over yet, waiting or being handled, for the timeouts. */
    private final Set<Invocation> running = ConcurrentHashMap.newKeySet();
    /** Invocations no environment has taken yet, in the order they came: handshakes, then the rest. */
    private final Queue<Invocation> waitingHandshakes = new ConcurrentLinkedQueue<>();
    private final Queue<Invocation> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    /** Environments taken by a worker, each handling the waiting invocations one at a time. */
    private final AtomicInteger working = new AtomicInteger();
    private final int maxEnvironments;
    private final Deque<Entry> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();
    private final LongAdder handlerCpuNanos = new LongAdder();
    /** Invocations and init phases over, however they ended: grows while the function makes progress. */
    private final LongAdder finished = new LongAdder();

    LocalFunction(WebSocketApiDefinition.Function definition, FunctionClassLoader loader, LogFormat format,
                  Consumer<String> log, CompletableFuture<Void> resources, HandshakesFirst handshakesFirst) {
        this.definition = definition;
        this.loader = loader;
        this.format = format;
        this.log = log;
        this.resources = resources;
        this.threads = new FunctionThreads(definition.logicalId());
        this.handshakesFirst = handshakesFirst;
        this.ready = resources.thenCompose(done -> initialized);
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(definition.timeoutSeconds());
        this.maxEnvironments = definition.reservedConcurrency().orElse(MAX_ENVIRONMENTS);
    }

    public String name() {
        return definition.logicalId();
    }

    /** The variables the function sees through {@code System.getenv()}. */
    public Map<String, String> environment() {
        return loader.environment();
    }

    /**
     * Loads the handler class and creates the first environment's handler, as Lambda's init phase
     * does, on one of the function's threads once {@code initPhases} has room. Runs once; invocations
     * wait for it. A failure is logged and fails every invocation, as on Lambda.
     */
    CompletableFuture<Void> initialize(Semaphore initPhases) {
        return CompletableFuture.runAsync(() -> {
            initPhases.acquireUninterruptibly();
            try {
                idle.push(newEnvironment());
                initialized.complete(null);
            } catch (CompletionException e) {
                initialized.completeExceptionally(e.getCause());
            } finally {
                initPhases.release();
                finished.increment();
            }
        }, threads.executor());
    }

    /** Takes no more invocations; those under way go on. */
    void shutdown() {
        threads.shutdown();
    }

    /** Lets the invocations under way finish until {@code deadlineNanos}, then stops the function's threads. */
    void awaitTermination(long deadlineNanos) {
        threads.awaitTermination(deadlineNanos);
    }

    /** How many invocations and init phases are over: a count that grows while the function makes progress. */
    long finishedWork() {
        return finished.sum();
    }

    /** What the function is doing now, e.g. {@code "SendFunction: 3 invocations"}; {@code null} when nothing. */
    String workInFlight() {
        if (!initialized.isDone()) {
            return name() + ": its init phase";
        }
        int invocations = running.size();
        return invocations == 0 ? null : name() + ": " + invocations + (invocations == 1 ? " invocation" : " invocations");
    }

    /** The number of execution environments created so far. */
    public int environmentCount() {
        return created.get();
    }

    private Entry newEnvironment() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Class<?> handlerClass = Class.forName(definition.handlerClass(), true, loader);
            Entry entry = entryOf(handlerClass.getConstructor().newInstance());
            created.incrementAndGet();
            return entry;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            logError(new IllegalStateException("Cannot create the handler " + definition.handler()
                    + " through a public no-argument constructor: " + cause, cause));
            throw new CompletionException(cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Invokes the handler with {@code event} as {@link Work#OTHER} work: see {@link #invoke(Object, Work)}. */
    public CompletableFuture<Object> invoke(Object event) {
        return invoke(event, Work.OTHER);
    }

    /**
     * Invokes the handler with {@code event} on an invocation thread, once the handler exists and
     * the template's resources are ready, and when {@code work} has its turn ({@link HandshakesFirst}).
     * The result completes with the handler's answer, or exceptionally with what it threw (logged
     * as Lambda logs it) or with a {@link TimeoutException} when the function's {@code Timeout}
     * passed first.
     */
    public CompletableFuture<Object> invoke(Object event, Work work) {
        Invocation invocation = new Invocation(event, work);
        running.add(invocation);
        if (work == Work.HANDSHAKE) {
            handshakesFirst.handshakeQueued();
        }
        invocation.answer.whenComplete((answer, error) -> {
            running.remove(invocation);
            if (work == Work.HANDSHAKE) {
                handshakesFirst.handshakeOver();
            }
            finished.increment();
        });
        ready.whenComplete((done, notReady) -> {
            if (notReady != null) {
                invocation.answer.completeExceptionally(notReady);
                return;
            }
            (work == Work.HANDSHAKE ? waitingHandshakes : waiting).add(invocation);
            waitingCount.incrementAndGet();
            startWorker();
        });
        return invocation.answer;
    }

    /**
     * Starts a worker for an invocation just queued, unless the function already has all the
     * environments it may have at work: then one of them takes it when it is done with its event.
     */
    private void startWorker() {
        for (int busy = working.get(); busy < maxEnvironments; busy = working.get()) {
            if (working.compareAndSet(busy, busy + 1)) {
                threads.executor().execute(this::work);
                return;
            }
        }
    }

    /**
     * What an execution environment does while there are invocations waiting: takes them one at a
     * time, as Lambda gives an environment one event at a time. Under load an environment goes on
     * to the next event on the same thread, with no hand-off in between.
     */
    private void work() {
        Entry environment = null;
        try {
            for (Invocation next = take(); next != null; next = take()) {
                try {
                    if (environment == null) {
                        environment = idleOrNewEnvironment();
                    }
                    handle(environment, next);
                } catch (Throwable failure) {
                    next.answer.completeExceptionally(failure);
                }
            }
        } finally {
            if (environment != null) {
                idle.push(environment);
            }
            working.decrementAndGet();
        }
        // An invocation may have come after the last take and found every environment at work.
        if (waitingCount.get() > 0) {
            startWorker();
        }
    }

    /** Runs one invocation in {@code environment}; a message first waits for its turn, which its {@code Timeout} does not count. */
    private void handle(Entry environment, Invocation invocation) throws InterruptedException {
        boolean message = invocation.work == Work.MESSAGE;
        if (message) {
            handshakesFirst.awaitMessageTurn();
        }
        try {
            invocation.start();
            invocation.answer.complete(call(environment, invocation.event));
        } finally {
            if (message) {
                handshakesFirst.messageOver();
            }
        }
    }

    private Invocation take() {
        Invocation next = waitingHandshakes.poll();
        if (next == null) {
            next = waiting.poll();
        }
        if (next != null) {
            waitingCount.decrementAndGet();
        }
        return next;
    }

    /** An idle environment, or a new one: every environment is busy and the function may have more. */
    private Entry idleOrNewEnvironment() {
        Entry environment = idle.poll();
        return environment != null ? environment : newEnvironment();
    }

    /**
     * Completes the invocations that have run for longer than the function's {@code Timeout} with a
     * {@link TimeoutException} and logs it as Lambda does; their environments go on until the handler
     * returns, since a thread cannot be stopped. Waiting for the init phase or for a free environment
     * does not count, as on Lambda.
     */
    void expireTimedOut(long nowNanos) {
        for (Invocation invocation : running) {
            if (invocation.runsLongerThan(timeoutNanos, nowNanos) && !invocation.answer.isDone()) {
                // Logged first: whatever waits for the answer may look for the line at once.
                log.accept("Task timed out after " + definition.timeoutSeconds() + ".00 seconds");
                invocation.answer.completeExceptionally(new TimeoutException(name() + " timed out"));
            }
        }
    }

    private Object call(Entry handler, Object event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        GatewayContext context = new GatewayContext(name(), definition.memoryMegabytes(), definition.timeoutSeconds(), format, log);
        long cpuBefore = CPU.getCurrentThreadCpuTime();
        try {
            return handler.call(event, context);
        } catch (Exception e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            logError(cause);
            throw new CompletionException(cause);
        } finally {
            handlerCpuNanos.add(CPU.getCurrentThreadCpuTime() - cpuBefore);
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * The processor time this function has used so far: its handlers' on the threads that invoked
     * them, and that of the threads its code started.
     */
    public Duration handlerCpuTime() {
        return Duration.ofNanos(handlerCpuNanos.sum() + threads.startedThreadsCpuNanos());
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
