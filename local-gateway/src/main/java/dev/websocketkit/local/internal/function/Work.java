// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

/** What an invocation is for, which decides its precedence: see {@link HandshakesFirst}. */
public enum Work {
    /** The authorizer or {@code $connect} of a handshake the client is waiting on. */
    HANDSHAKE,
    /** A message of an open connection, for its route's function. */
    MESSAGE,
    /** Anything else: {@code $disconnect}, a queue's batch. */
    OTHER
}
