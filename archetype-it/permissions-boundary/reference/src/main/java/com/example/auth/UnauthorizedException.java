package com.example.auth;

/**
 * Fails the authorizer so that API Gateway refuses the handshake with 401: API Gateway recognises
 * a Lambda authorizer error by this exact message.
 */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException() {
        super("Unauthorized", null, false, false);
    }
}
