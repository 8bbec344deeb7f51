package com.example.messaging;

/** A client message this API cannot act on; the message says why, in words fit for the client. */
public final class InvalidMessageException extends Exception {

    public InvalidMessageException(String reason) {
        super(reason);
    }
}
