// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a route selection expression picks from a message body, as API Gateway reads it: only from a body that is all JSON. */
class BodyFieldTest {

    private static final List<String> MESSAGE = List.of("message");

    @Test
    void picksTheStringAtThePath() {
        assertEquals("send", BodyField.stringAt(MESSAGE, "{\"body\": {\"message\": \"inner\"}, \"message\": \"send\"}"));
        assertEquals("inner", BodyField.stringAt(List.of("body", "message"), "{\"body\": {\"message\": \"inner\"}, \"message\": \"send\"}"));
    }

    @Test
    void takesTheLastOfARepeatedField() {
        assertEquals("second", BodyField.stringAt(MESSAGE, "{\"message\": \"first\", \"message\": \"second\"}"));
    }

    @Test
    void findsNothingWhereThereIsNoStringAtThePath() {
        assertNull(BodyField.stringAt(MESSAGE, "{\"message\": 7}"));
        assertNull(BodyField.stringAt(MESSAGE, "{\"message\": {\"message\": \"send\"}}"));
        assertNull(BodyField.stringAt(MESSAGE, "[\"message\", \"send\"]"));
        assertNull(BodyField.stringAt(List.of("body", "message"), "{\"body\": \"send\"}"));
        assertNull(BodyField.stringAt(MESSAGE, "{}"));
    }

    @Test
    void findsNothingInABodyThatIsNotAllJson() {
        assertNull(BodyField.stringAt(MESSAGE, "Hello World!"));
        assertNull(BodyField.stringAt(MESSAGE, ""));
        assertNull(BodyField.stringAt(MESSAGE, "{\"message\": \"send\""));
        assertNull(BodyField.stringAt(MESSAGE, "{\"message\": \"send\"} trailing"));
        assertNull(BodyField.stringAt(MESSAGE, "{\"message\": \"send\"} {\"message\": \"send\"}"));
    }
}
