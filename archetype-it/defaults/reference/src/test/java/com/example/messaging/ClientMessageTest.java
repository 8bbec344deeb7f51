package com.example.messaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMessageTest {

    /** NUL, bidi and zero-width characters are the client's to send: they reach a log only through UntrustedText. */
    @Test
    void readsTheRouteAndTheBodyAsTheyAre() throws InvalidMessageException {
        ClientMessage message = ClientMessage.parse("{\"message\": \"send\", \"body\": \"Hello\\u0000\\u202EWorld\\u200B!\"}");

        assertEquals("send", message.route());
        assertEquals("Hello\u0000\u202EWorld\u200B!", message.textBody());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                      | Message is not valid JSON",
        "'{\"message\": \"send\"'       | Message is not valid JSON",
        "[1, 2]                        | Message must be a JSON object",
        "'\"send\"'                    | Message must be a JSON object",
        "'{\"body\": \"x\"}'           | Message must have a string field \"message\" naming the route",
        "'{\"message\": 7}'            | Message must have a string field \"message\" naming the route",
        "'{\"message\": \"send\", \"message\": \"shout\"}' | Message repeats a field",
        "'{\"message\": \"send\"} trailing' | Message has text after the JSON value",
        "'{\"message\": \"send\"}{\"message\": \"send\"}' | Message has text after the JSON value",
        "''                            | Message is not valid JSON",
    })
    void rejectsWhatIsNotAMessage(String json, String reason) {
        assertEquals(reason, assertThrows(InvalidMessageException.class, () -> ClientMessage.parse(json)).getMessage());
    }

    @Test
    void rejectsNestingDeeperThanTheLimit() {
        String deepest = "[".repeat(Json.MAX_NESTING_DEPTH - 1) + "]".repeat(Json.MAX_NESTING_DEPTH - 1);
        assertDoesNotThrow(() -> ClientMessage.parse("{\"message\": \"x\", \"body\": " + deepest + "}"));

        String deeper = "[".repeat(Json.MAX_NESTING_DEPTH) + "]".repeat(Json.MAX_NESTING_DEPTH);
        assertEquals("Message nests deeper than 32 levels", assertThrows(InvalidMessageException.class,
                () -> ClientMessage.parse("{\"message\": \"x\", \"body\": " + deeper + "}")).getMessage());
    }

    @Test
    void rejectsANumberOfAThousandDigits() {
        String number = "9".repeat(1_000);

        assertEquals("Message has a number longer than 100 digits", assertThrows(InvalidMessageException.class,
                () -> ClientMessage.parse("{\"message\": \"x\", \"body\": " + number + "}")).getMessage());
    }

    @Test
    void rejectsABodyWithAnUnpairedSurrogate() throws InvalidMessageException {
        ClientMessage message = ClientMessage.parse("{\"message\": \"send\", \"body\": \"half \\ud83d a smile\"}");

        assertEquals("Field \"body\" is not Unicode text: it has an unpaired surrogate",
                assertThrows(InvalidMessageException.class, message::textBody).getMessage());
    }
}
