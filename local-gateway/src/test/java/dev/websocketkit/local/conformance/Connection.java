// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One client connection, as the test sees it: what happened on it, in order (opened or refused,
 * messages, closed), and what the test can do on it. Every wait is bounded by {@link #WAIT}; one
 * that runs out fails with what was awaited and what had happened so far.
 */
public abstract class Connection implements AutoCloseable {

    /** How long any wait may take: generous, for a busy machine of two cores. */
    public static final Duration WAIT = Duration.ofSeconds(30);

    /** Something that happened on a connection. */
    public sealed interface Event permits Opened, Refused, Problem, Message, Closed {
    }

    /** How a handshake ended, as the client shows it. */
    public sealed interface Outcome permits Opened, Refused, Failed {
    }

    /** The handshake succeeded: the subprotocol and the extensions the server accepted ({@code ""} for none). */
    public record Opened(String subprotocol, String extensions) implements Event, Outcome {
    }

    /** The server refused the handshake with this HTTP answer, which the client shows. */
    public record Refused(int status, String contentType, String connection, String body) implements Event, Outcome {
    }

    /** The connection failed before it opened, and the client shows no HTTP status (a browser's 1006), only errors. */
    public record Failed(int code, List<String> errors) implements Outcome {
    }

    /** The client reported an error; a close follows. */
    public record Problem(String message) implements Event {
    }

    /** A whole message; {@code frames} the payload length of each of its frames, where the client shows them. */
    public record Message(boolean binary, String text, List<Integer> frames) implements Event {

        @Override
        public String toString() {
            return "Message[" + (binary ? "binary " : "") + abbreviate(text) + (frames.isEmpty() ? "" : " in frames " + frames) + "]";
        }
    }

    /** The connection closed with this code and reason (1006 when it closed without a close frame). */
    public record Closed(int code, String reason) implements Event {
    }

    private final String description;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();

    protected Connection(String description) {
        this.description = description;
    }

    /** The kind feeds what happens, in order. */
    protected final void happened(Event event) {
        events.add(event);
    }

    /** Kinds that must ask for their events (a browser page) fetch them here; the others push them. */
    protected void fetchEvents() {
    }

    /** How often {@link #fetchEvents()} runs while a test waits; {@code null} when the kind pushes its events. */
    protected Duration fetchInterval() {
        return null;
    }

    /** How the handshake ended. */
    public final Outcome awaitOutcome() {
        List<String> errors = new ArrayList<>();
        while (true) {
            Event event = next("the handshake's outcome");
            if (event instanceof Opened opened) {
                return opened;
            }
            if (event instanceof Refused refused) {
                return refused;
            }
            if (event instanceof Problem problem) {
                errors.add(problem.message());
            } else if (event instanceof Closed closed) {
                return new Failed(closed.code(), List.copyOf(errors));
            } else {
                throw new AssertionError(this + ": " + event + " before the connection opened");
            }
        }
    }

    /** Waits until the connection is open; fails if the handshake ended otherwise. */
    public final Opened awaitOpen() {
        Outcome outcome = awaitOutcome();
        if (outcome instanceof Opened opened) {
            return opened;
        }
        throw new AssertionError(this + ": expected the connection to open, but " + outcome);
    }

    /** The next text message. */
    public final String receive() {
        List<String> errors = new ArrayList<>();
        while (true) {
            Event event = next("a message");
            if (event instanceof Message message && !message.binary()) {
                return message.text();
            }
            if (event instanceof Problem problem) {
                errors.add(problem.message());
            } else if (event instanceof Closed closed) {
                throw new AssertionError(this + ": expected a message, but the connection closed: " + closed
                        + (errors.isEmpty() ? "" : " after " + errors));
            } else {
                throw new AssertionError(this + ": expected a text message, not " + event);
            }
        }
    }

    /** The next message, with the frames it came in, for kinds that show them. */
    public final Message receiveMessage() {
        while (true) {
            Event event = next("a message");
            if (event instanceof Message message) {
                return message;
            }
            if (event instanceof Closed closed) {
                throw new AssertionError(this + ": expected a message, but the connection closed: " + closed);
            }
        }
    }

    /** How the connection closed; messages that arrive before are passed over. */
    public final Closed awaitClose() {
        while (true) {
            if (next("the connection to close") instanceof Closed closed) {
                return closed;
            }
        }
    }

    /** Sends a text message; each kind frames it as it does by itself. Waits until the client has written it. */
    public abstract void send(String text);

    /** Sends a text message as exactly one frame ({@link Capability#SENDS_ONE_FRAME}). */
    public void sendOneFrame(String text) {
        throw new UnsupportedOperationException(this + " cannot choose its frames");
    }

    /** Sends a text message in fragments of {@code fragmentBytes} UTF-8 bytes ({@link Capability#SENDS_FRAGMENTS}). */
    public void sendFragments(String text, int fragmentBytes) {
        throw new UnsupportedOperationException(this + " cannot send fragments");
    }

    public abstract void sendBinary(byte[] data);

    /** Closes the connection from the client's side, with 1000. */
    @Override
    public abstract void close();

    @Override
    public String toString() {
        return description;
    }

    /** What happened so far, for a failure's message. */
    public final synchronized String history() {
        return seen.toString();
    }

    private Event next(String awaited) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Duration interval = fetchInterval();
        try {
            while (true) {
                fetchEvents();
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(this + ": no " + awaited + " within " + WAIT.toSeconds() + " s; so far: " + history());
                }
                Event event = events.poll(interval == null ? left : Math.min(left, interval.toNanos()), TimeUnit.NANOSECONDS);
                if (event != null) {
                    synchronized (this) {
                        seen.add(event);
                    }
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(this + ": interrupted while waiting for " + awaited, e);
        }
    }

    static String abbreviate(String text) {
        if (text == null || text.length() <= 80) {
            return text;
        }
        return text.substring(0, 60) + "…(" + text.length() + " characters)";
    }
}
