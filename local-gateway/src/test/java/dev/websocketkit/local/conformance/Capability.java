// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

/**
 * What a kind of client can do, or does, on a connection: a row of the conformance suite runs with
 * every kind that has the capabilities it needs ({@link Clients}), and asserts what that kind can see.
 */
public enum Capability {

    /** Sets request headers on the handshake ({@code x-api-key}, {@code Authorization}); a browser cannot. */
    SENDS_HEADERS,

    /** Shows the HTTP status, content type and body of a refused handshake; a browser shows only a failed connection (1006). */
    SEES_REFUSALS,

    /** Offers {@code permessage-deflate} (browsers always do, Node's ws by default). */
    OFFERS_COMPRESSION,

    /** Can connect without offering any extension (ws with {@code perMessageDeflate: false}; the JDK never offers one). */
    CONNECTS_WITHOUT_COMPRESSION,

    /**
     * Opens many connections to one server at once. A browser opens them one at a time, each
     * handshake waiting for the one before to end (RFC 6455, 4.1: "no more than one connection in a
     * CONNECTING state" to a host and port).
     */
    CONNECTS_IN_PARALLEL,

    /** Sends a message as exactly one frame of any size, as ws does; a browser chooses its frames itself. */
    SENDS_ONE_FRAME,

    /** Sends one message in fragments, the sender choosing where a fragment ends. */
    SENDS_FRAGMENTS,

    /** Shows the frames a received message came in. */
    SEES_FRAMES,

    /**
     * Fails the connection when the server accepts none of the subprotocols it offered, as the WHATWG
     * WebSocket standard and ws do; RFC 6455 lets a client (the JDK's) go on without one.
     */
    FAILS_WITHOUT_AN_OFFERED_SUBPROTOCOL
}
