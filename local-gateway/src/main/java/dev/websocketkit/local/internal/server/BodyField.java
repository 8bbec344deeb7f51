// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.List;

/**
 * The string a route selection expression such as {@code $request.body.message} picks from a
 * message: the field at a path of the JSON body, when the whole body is JSON. Read with a streaming
 * parser: every message is routed, and only one field of it matters.
 */
final class BodyField {

    private BodyField() {
    }

    /** The string at {@code path}; {@code null} when the body is not JSON or has no string there. A repeated field counts as its last value. */
    static String stringAt(List<String> path, String body) {
        try (JsonParser parser = JSON.std.getStreamingFactory().createParser(body)) {
            String value = read(parser, path, 0);
            return parser.nextToken() == null ? value : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Reads the next whole value and returns the string at {@code path} below it, from {@code depth} on. */
    private static String read(JsonParser parser, List<String> path, int depth) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new IOException("the body ends before a value");
        }
        if (depth == path.size()) {
            String value = token == JsonToken.VALUE_STRING ? parser.getText() : null;
            parser.skipChildren();
            return value;
        }
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String found = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            if (parser.currentName().equals(path.get(depth))) {
                found = read(parser, path, depth + 1);
            } else {
                parser.nextToken();
                parser.skipChildren();
            }
        }
        return found;
    }
}
