package com.example.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client puts its token on the handshake: {@code Authorization: Bearer <token>}, or, since
 * browsers cannot set headers, {@code ?token=<token>} or the subprotocols {@code bearer, <token>}
 * ({@code new WebSocket(url, ["bearer", token])}). Exactly one place: a token in two is refused.
 */
public final class BearerToken {

    /** The subprotocol that announces a token as the next one; {@code $connect} accepts it. */
    public static final String SUBPROTOCOL = "bearer";
    private static final String SCHEME = "Bearer ";

    private BearerToken() {
    }

    static String find(Map<String, String> headers, Map<String, String> query) throws InvalidTokenException {
        List<String> tokens = new ArrayList<>();
        header(headers, "Authorization")
                .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
                .ifPresent(value -> tokens.add(value.substring(SCHEME.length()).trim()));
        if (query != null && query.get("token") != null) {
            tokens.add(query.get("token"));
        }
        List<String> subprotocols = subprotocols(headers);
        int bearer = subprotocols.indexOf(SUBPROTOCOL);
        if (bearer >= 0 && bearer + 1 < subprotocols.size()) {
            tokens.add(subprotocols.get(bearer + 1));
        }
        tokens.removeIf(String::isBlank);
        if (tokens.isEmpty()) {
            throw new InvalidTokenException("no bearer token");
        }
        if (tokens.size() > 1) {
            throw new InvalidTokenException("token in more than one place");
        }
        return tokens.get(0);
    }

    /** Whether the client offered the {@value #SUBPROTOCOL} subprotocol, which {@code $connect} must then accept. */
    public static boolean offeredAsSubprotocol(Map<String, String> headers) {
        return subprotocols(headers).contains(SUBPROTOCOL);
    }

    /** A header's value, whatever the case of its name. */
    static Optional<String> header(Map<String, String> headers, String name) {
        return headers == null ? Optional.empty() : headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static List<String> subprotocols(Map<String, String> headers) {
        return header(headers, "Sec-WebSocket-Protocol")
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).toList())
                .orElse(List.of());
    }
}
