package ${package}.messaging;

import java.util.Map;

/** A message a client sent, {@code {"message": "<route>", "body": <payload>}}: API Gateway routes by its {@code message}. */
public record ClientMessage(String route, Object body) {

    public static ClientMessage parse(String json) throws InvalidMessageException {
        Object parsed;
        try {
            parsed = json == null ? null : Json.parse(json);
        } catch (InvalidJsonException e) {
            throw new InvalidMessageException("Message " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> fields)) {
            throw new InvalidMessageException("Message must be a JSON object");
        }
        if (!(fields.get("message") instanceof String route)) {
            throw new InvalidMessageException("Message must have a string field \"message\" naming the route");
        }
        return new ClientMessage(route, fields.get("body"));
    }

    /** The body, which this route requires to be a string. */
    public String textBody() throws InvalidMessageException {
        if (!(body instanceof String text)) {
            throw new InvalidMessageException("Route \"" + route + "\" needs a string field \"body\"");
        }
        if (UntrustedText.hasUnpairedSurrogate(text)) {
            throw new InvalidMessageException("Field \"body\" is not Unicode text: it has an unpaired surrogate");
        }
        return text;
    }
}
