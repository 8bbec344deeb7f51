package com.example.messaging;

import java.util.Map;

/**
 * A message a client sent: {@code {"message": "<route>", "body": <payload>}}.
 *
 * <p>API Gateway picks the route from the {@code message} field (the API's route selection
 * expression is {@code $request.body.message}); the handlers validate the rest.
 */
public record ClientMessage(String route, Object body) {

    public static final String ROUTE_FIELD = "message";
    public static final String BODY_FIELD = "body";

    public static ClientMessage parse(String json) throws InvalidMessageException {
        Object parsed;
        try {
            parsed = json == null ? null : Json.parse(json);
        } catch (InvalidJsonException e) {
            throw new InvalidMessageException("Message " + e.getMessage());
        }
        if (!(parsed instanceof Map)) {
            throw new InvalidMessageException("Message must be a JSON object");
        }
        Map<?, ?> fields = (Map<?, ?>) parsed;
        if (!(fields.get(ROUTE_FIELD) instanceof String)) {
            throw new InvalidMessageException("Message must have a string field \"" + ROUTE_FIELD + "\" naming the route");
        }
        return new ClientMessage((String) fields.get(ROUTE_FIELD), fields.get(BODY_FIELD));
    }

    /** The body, which this route requires to be a string. */
    public String textBody() throws InvalidMessageException {
        if (!(body instanceof String)) {
            throw new InvalidMessageException("Route \"" + route + "\" needs a string field \"" + BODY_FIELD + "\"");
        }
        if (UntrustedText.hasUnpairedSurrogate((String) body)) {
            throw new InvalidMessageException("Field \"" + BODY_FIELD + "\" is not Unicode text: it has an unpaired surrogate");
        }
        return (String) body;
    }
}
