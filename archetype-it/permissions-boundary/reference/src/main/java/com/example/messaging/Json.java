package com.example.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON with jackson-jr: maps, lists and strings only, no reflection over classes. Parsing is strict,
 * since what it reads comes from clients: one value and nothing after it, no field twice, and limits
 * on nesting and on the length of numbers so that no message makes a handler work hard.
 */
public final class Json {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JSON JSON_MAPPER = JSON.builder(FACTORY).build();

    private Json() {
    }

    /**
     * Parses one JSON value into maps, lists, strings, numbers, booleans and nulls.
     *
     * @throws InvalidJsonException saying what is wrong in a fixed phrase, never quoting the input
     */
    public static Object parse(String json) throws InvalidJsonException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            Object value = JSON_MAPPER.anyFrom(parser);
            requireEnd(parser);
            return value;
        } catch (StreamConstraintsException e) {
            throw new InvalidJsonException(e.getMessage().startsWith("Number")
                    ? "has a number longer than " + MAX_NUMBER_LENGTH + " digits"
                    : "nests deeper than " + MAX_NESTING_DEPTH + " levels");
        } catch (JsonParseException e) {
            throw new InvalidJsonException(e.getOriginalMessage().startsWith("Duplicate field") ? "repeats a field" : "is not valid JSON");
        } catch (IOException e) {
            throw new InvalidJsonException("is not valid JSON");
        }
    }

    private static void requireEnd(JsonParser parser) throws InvalidJsonException {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (IOException e) {
            more = true;
        }
        if (more) {
            throw new InvalidJsonException("has text after the JSON value");
        }
    }

    public static String write(Object value) {
        try {
            return JSON_MAPPER.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
