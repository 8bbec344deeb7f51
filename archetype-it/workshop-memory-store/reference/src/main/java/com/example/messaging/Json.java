package com.example.messaging;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON with jackson-jr: maps, lists and strings only, no reflection over classes. */
public final class Json {

    private static final JSON JSON_MAPPER = JSON.std;

    private Json() {
    }

    /** Parses any JSON value into maps, lists, strings, numbers, booleans and nulls. */
    public static Object parse(String json) throws IOException {
        return JSON_MAPPER.anyFrom(json);
    }

    public static String write(Object value) {
        try {
            return JSON_MAPPER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
