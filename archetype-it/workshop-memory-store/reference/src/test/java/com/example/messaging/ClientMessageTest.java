package com.example.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMessageTest {

    @Test
    void readsTheRouteAndTheBody() throws InvalidMessageException {
        ClientMessage message = ClientMessage.parse("{\"message\": \"send\", \"body\": \"Hello World!\"}");

        assertEquals("send", message.route());
        assertEquals("Hello World!", message.textBody());
    }

    @Test
    void keepsABodyOfAnyJsonType() throws InvalidMessageException {
        assertEquals(Map.of("n", 1), ClientMessage.parse("{\"message\": \"x\", \"body\": {\"n\": 1}}").body());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json                      | Message is not valid JSON",
        "'{\"message\": \"send\"'       | Message is not valid JSON",
        "[1, 2]                        | Message must be a JSON object",
        "'\"send\"'                    | Message must be a JSON object",
        "'{\"body\": \"x\"}'           | Message must have a string field \"message\" naming the route",
        "'{\"message\": 7}'            | Message must have a string field \"message\" naming the route",
    })
    void rejectsWhatIsNotAMessage(String json, String reason) {
        assertEquals(reason, assertThrows(InvalidMessageException.class, () -> ClientMessage.parse(json)).getMessage());
    }

    @Test
    void rejectsANonStringBodyWhereTextIsRequired() throws InvalidMessageException {
        ClientMessage message = ClientMessage.parse("{\"message\": \"send\", \"body\": null}");

        assertEquals("Route \"send\" needs a string field \"body\"",
                assertThrows(InvalidMessageException.class, message::textBody).getMessage());
    }
}
