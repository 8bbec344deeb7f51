package com.example.connection;

import java.time.Instant;
import java.util.Objects;

/**
 * A client connected to the WebSocket API.
 *
 * @param connectionId the id API Gateway gave the connection
 * @param connectedAt when API Gateway accepted it
 * @param sourceIp the client's address
 * @param principal who the authorizer said the client is; {@code null} when the API has no authorizer
 */
public record Connection(String connectionId, Instant connectedAt, String sourceIp, String principal) {

    public Connection {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(connectedAt, "connectedAt");
    }
}
