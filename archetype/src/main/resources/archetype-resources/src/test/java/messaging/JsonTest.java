package ${package}.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writesMapsInTheirOrderListsNumbersBooleansAndNull() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("b", List.of(1, 2.5, true));
        fields.put("a", Arrays.asList(null, Map.of()));

        assertEquals("{\"b\":[1,2.5,true],\"a\":[null,{}]}", Json.write(fields));
    }

    @Test
    void escapesQuotesBackslashesAndControlCharactersAndKeepsEveryOtherCharacter() throws InvalidJsonException {
        String text = "\"quoted\" \\ line\nfeed\r\ttab \u0000\u001f bidi\u202E smile\uD83D\uDE00 é";

        String json = Json.write(text);

        assertEquals("\"\\\"quoted\\\" \\\\ line\\nfeed\\r\\ttab \\u0000\\u001f bidi\u202E smile\uD83D\uDE00 é\"", json);
        assertEquals(text, Json.parse(json));
    }

    /** A lone surrogate is no character: written as is, it would turn into '?' on its way out as UTF-8. */
    @Test
    void escapesASurrogateWithoutItsOtherHalf() throws InvalidJsonException {
        assertEquals("\"half \\ud83d, other half \\ude00\"", Json.write("half \uD83D, other half \uDE00"));
        assertEquals("half \uD83D", Json.parse(Json.write("half \uD83D")));
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
    }
}
