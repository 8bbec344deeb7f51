// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.util.Optional;
import java.util.Set;

/**
 * A kind of WebSocket client users connect to API Gateway with: headless Chromium, Node's ws, the
 * JDK's {@code java.net.http.WebSocket}. One instance per test class drives any number of
 * connections, and starts what it needs (a browser, a Node process) once, before the first. Not
 * {@link AutoCloseable}: JUnit would close a row's arguments after each run.
 */
public interface ClientKind {

    /** The client and its version, as the suite's reports name it. */
    String name();

    Set<Capability> capabilities();

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /** Starts the browser or process behind this kind, before the class's first test. */
    void start();

    /** Starts the handshake; the connection reports its outcome through {@link Connection#awaitOutcome()}. */
    Connection connect(Connect request);

    /** The {@code User-Agent} header this kind sends on a handshake; empty when it sends none. */
    Optional<String> userAgent();

    /** Drops every connection still open, so that a test leaves nothing to the next. */
    void reset();

    /** Stops the browser or process behind this kind, after the class's last test. */
    void stop();
}
