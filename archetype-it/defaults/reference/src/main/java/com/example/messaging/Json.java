package com.example.messaging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;

/**
 * JSON as maps, lists, strings, numbers, booleans and nulls. Parsing, with jackson-jr, is strict, for
 * clients' text: one value, no field twice, limits on nesting and numbers. Writing needs no library,
 * so {@code $connect}, which writes a log line and a metrics document but reads no JSON, loads none.
 */
public final class Json {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;

    private Json() {
    }

    /** Parses one JSON value; an {@link InvalidJsonException} says what is wrong in a fixed phrase, never quoting the input. */
    public static Object parse(String json) throws InvalidJsonException {
        return StrictParser.parse(json);
    }

    /** The value as JSON text; a map's keys are written as strings. */
    public static String write(Object value) {
        StringBuilder json = new StringBuilder();
        append(json, value);
        return json.toString();
    }

    private static void append(StringBuilder json, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number number && Double.isFinite(number.doubleValue())) {
            json.append(value);
        } else if (value instanceof String text) {
            appendString(json, text);
        } else if (value instanceof Map<?, ?> fields) {
            json.append('{');
            String separator = "";
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                appendString(json.append(separator), String.valueOf(field.getKey()));
                append(json.append(':'), field.getValue());
                separator = ",";
            }
            json.append('}');
        } else if (value instanceof Iterable<?> elements) {
            json.append('[');
            String separator = "";
            for (Object element : elements) {
                append(json.append(separator), element);
                separator = ",";
            }
            json.append(']');
        } else {
            throw new IllegalArgumentException("Not writable as JSON: a " + value.getClass().getName());
        }
    }

    private static void appendString(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '"', '\\' -> json.append('\\').append((char) c);
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    // A surrogate without its other half is no character: as is, it would not encode as UTF-8.
                    if (c < ' ' || Character.getType(c) == Character.SURROGATE) {
                        json.append("\\u").append(Integer.toHexString(0x10000 | c).substring(1));
                    } else {
                        json.appendCodePoint(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** jackson-jr, loaded on the first parse. */
    private static final class StrictParser {

        private static final JsonFactory FACTORY = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        private static final JSON JSON_MAPPER = JSON.builder(FACTORY).build();

        static Object parse(String json) throws InvalidJsonException {
            try (JsonParser parser = FACTORY.createParser(json)) {
                Object value = JSON_MAPPER.anyFrom(parser);
                requireEnd(parser);
                return value;
            } catch (StreamConstraintsException e) {
                throw new InvalidJsonException(e.getMessage().startsWith("Number")
                        ? "has a number longer than " + MAX_NUMBER_LENGTH + " digits"
                        : "nests deeper than " + MAX_NESTING_DEPTH + " levels");
            } catch (JsonParseException e) {
                boolean duplicate = e.getOriginalMessage().startsWith("Duplicate field");
                throw new InvalidJsonException(duplicate ? "repeats a field" : "is not valid JSON");
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
    }
}
