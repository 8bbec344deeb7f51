package ${package}.broadcast;

import ${package}.messaging.InvalidJsonException;
import ${package}.messaging.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A page of a broadcast, as the fan-out queue carries it: the data to post, as clients get it, the
 * connections to post it to, and which attempt this is at reaching them.
 *
 * @param broadcastId the id of the broadcast, the same on every page and retry, for the logs
 * @param data the JSON text every connection gets
 * @param connectionIds the connections this page reaches
 * @param attempt 1 for a first delivery, one more for each retry of what failed
 */
public record BroadcastPage(String broadcastId, String data, List<String> connectionIds, int attempt) {

    public BroadcastPage {
        connectionIds = List.copyOf(connectionIds);
    }

    /** The same broadcast to {@code remaining}, as its next attempt. */
    public BroadcastPage retry(List<String> remaining) {
        return new BroadcastPage(broadcastId, data, remaining, attempt + 1);
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("broadcastId", broadcastId);
        fields.put("data", data);
        fields.put("connectionIds", connectionIds);
        fields.put("attempt", attempt);
        return Json.write(fields);
    }

    /** Reads a page this code wrote; anything else is a bug, and fails. */
    public static BroadcastPage parse(String json) {
        try {
            Map<?, ?> fields = (Map<?, ?>) Json.parse(json);
            return new BroadcastPage((String) fields.get("broadcastId"), (String) fields.get("data"),
                    ((List<?>) fields.get("connectionIds")).stream().map(String.class::cast).toList(),
                    ((Number) fields.get("attempt")).intValue());
        } catch (InvalidJsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("Not a broadcast page: " + e.getMessage(), e);
        }
    }
}
