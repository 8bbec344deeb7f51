// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.log;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Where the gateway prints: its own lines, and every function's log lines prefixed with the
 * function's name, as CloudWatch would keep them in the function's log group. Listeners, such as a
 * test's capture, get every printed line while they listen.
 *
 * <p>As Lambda takes a function's output off the function's hands, a function only queues its
 * lines; one writer thread filters them, prints them in batches and hands them to the captures, in
 * the order they were queued. A full queue makes the functions wait, so a console that cannot keep
 * up slows them down rather than losing lines. While lines keep coming, the writer takes them every
 * {@value #LINGER_MILLIS} ms instead of being woken for each: under load a function prints a
 * metrics document an invocation, and waking a thread costs about as much as printing a line.
 */
public final class GatewayLog implements AutoCloseable {

    private static final int QUEUE_CAPACITY = 65_536;
    private static final int BATCH = 1_024;
    private static final long LINGER_MILLIS = 5;

    /** A line to print, of a function or the gateway; a flush marker when {@code flushed} is set, which completes once every line before it is printed. */
    private record Line(String source, String text, Predicate<String> keep, CompletableFuture<Void> flushed) {
    }

    private final PrintStream out;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Line> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Thread writer;

    public GatewayLog(PrintStream out) {
        this.out = out;
        this.writer = new Thread(this::write, "gateway-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** A line of a function's log. */
    public void function(String functionName, String line) {
        function(functionName, line, kept -> true);
    }

    /** A line a function printed, kept when {@code keep} says so: its log level filter, which the writer applies. */
    public void function(String functionName, String line, Predicate<String> keep) {
        put(new Line(functionName, line, keep, null));
    }

    /** A line of the gateway's own. */
    public void gateway(String line) {
        put(new Line("local-gateway", line, kept -> true, null));
    }

    /** Hands {@code listener} every line printed after the lines queued before this call. */
    public void listen(Consumer<String> listener) {
        flush();
        listeners.add(listener);
    }

    public void stopListening(Consumer<String> listener) {
        listeners.remove(listener);
    }

    /** Waits until every line queued before this call is printed and handed to the listeners. */
    public void flush() {
        CompletableFuture<Void> flushed = new CompletableFuture<>();
        put(new Line(null, null, null, flushed));
        LockSupport.unpark(writer);
        flushed.join();
    }

    /** Prints what is queued, then stops the writer. */
    @Override
    public void close() {
        flush();
        writer.interrupt();
    }

    private void put(Line line) {
        try {
            queue.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write() {
        List<Line> batch = new ArrayList<>(BATCH);
        try {
            while (true) {
                // Idle: the next line wakes the writer.
                batch.add(queue.take());
                do {
                    queue.drainTo(batch, BATCH - batch.size());
                    print(batch);
                    batch.clear();
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS));
                    if (Thread.interrupted()) {
                        return;
                    }
                } while (queue.drainTo(batch, BATCH) > 0);
            }
        } catch (InterruptedException closed) {
            // The gateway is closed; what was queued is printed.
        }
    }

    private void print(List<Line> batch) {
        StringBuilder text = new StringBuilder();
        List<CompletableFuture<Void>> flushes = new ArrayList<>();
        for (Line line : batch) {
            if (line.flushed() != null) {
                flushes.add(line.flushed());
            } else if (line.keep().test(line.text())) {
                String printed = "[" + line.source() + "] " + line.text();
                text.append(printed).append('\n');
                listeners.forEach(listener -> listener.accept(printed));
            }
        }
        if (!text.isEmpty()) {
            out.print(text);
            out.flush();
        }
        flushes.forEach(flushed -> flushed.complete(null));
    }
}
