package com.example.auth;

/** The identity provider's keys could not be had: the handshake fails with 500, not 401, since the client did nothing wrong. */
public final class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
