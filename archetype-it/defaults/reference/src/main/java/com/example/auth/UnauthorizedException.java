package com.example.auth;

/** Fails the authorizer so that API Gateway refuses the handshake with 401, which it does for this exact message. */
public final class UnauthorizedException extends RuntimeException {

    public UnauthorizedException() {
        super("Unauthorized", null, false, false);
    }
}
