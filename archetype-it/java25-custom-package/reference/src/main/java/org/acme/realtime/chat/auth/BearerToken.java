package org.acme.realtime.chat.auth;

import java.util.Map;
import java.util.Optional;

/** Where a client puts its token on the WebSocket handshake. */
final class BearerToken {

    static final String QUERY_PARAMETER = "token";
    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    /** The token of {@code Authorization: Bearer <token>}, else of {@code ?token=<token>}. */
    static Optional<String> find(Map<String, String> headers, Map<String, String> query) {
        Optional<String> fromHeader = headers == null ? Optional.empty() : headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Authorization"))
                .map(Map.Entry::getValue)
                .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
                .map(value -> value.substring(SCHEME.length()).trim())
                .findFirst();
        return fromHeader
                .or(() -> Optional.ofNullable(query).map(parameters -> parameters.get(QUERY_PARAMETER)))
                .filter(token -> !token.isBlank());
    }
}
