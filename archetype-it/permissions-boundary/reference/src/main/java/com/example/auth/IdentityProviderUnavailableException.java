package com.example.auth;

/**
 * The identity provider's keys could not be had: the token was not judged. The authorizer fails
 * with this, so API Gateway refuses the handshake with 500, not 401: the client did nothing wrong.
 */
public final class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
