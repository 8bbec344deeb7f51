package com.example.auth;

/** A token that does not prove who the client is; the message says why, without the token. */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
