package com.example.connection;

import java.time.Instant;
import java.util.Objects;

/** A client connected to the WebSocket API; its principal is who the authorizer said it is, {@code null} without one. */
public record Connection(String connectionId, Instant connectedAt, String sourceIp, String principal) {

    public Connection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}
