package com.example.messaging;

/** Text that is not one acceptable JSON value; the message completes "The message ...". */
public final class InvalidJsonException extends Exception {

    public InvalidJsonException(String problem) {
        super(problem, null, false, false);
    }
}
