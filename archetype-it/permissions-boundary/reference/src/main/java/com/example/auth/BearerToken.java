package com.example.auth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a client puts its token on the WebSocket handshake: {@code Authorization: Bearer <token>},
 * or, since a browser cannot set headers on a WebSocket handshake, the query parameter
 * {@code ?token=<token>} or the subprotocols {@code bearer} and {@code <token>}
 * ({@code new WebSocket(url, ["bearer", token])}). Exactly one place: a token in two is refused.
 */
public final class BearerToken {

    /** The subprotocol that announces a token as the next one; {@code $connect} accepts it. */
    public static final String SUBPROTOCOL = "bearer";
    static final String QUERY_PARAMETER = "token";
    private static final String SCHEME = "Bearer ";
    private static final String SUBPROTOCOL_HEADER = "Sec-WebSocket-Protocol";

    private BearerToken() {
    }

    /** The token of the handshake; fails when there is none, or more than one. */
    static String find(Map<String, String> headers, Map<String, String> query) throws InvalidTokenException {
        List<String> tokens = new ArrayList<>();
        header(headers, "Authorization")
                .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
                .map(value -> value.substring(SCHEME.length()).trim())
                .ifPresent(tokens::add);
        Optional.ofNullable(query).map(parameters -> parameters.get(QUERY_PARAMETER)).ifPresent(tokens::add);
        subprotocolToken(headers).ifPresent(tokens::add);
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

    private static Optional<String> subprotocolToken(Map<String, String> headers) {
        List<String> offered = subprotocols(headers);
        int bearer = offered.indexOf(SUBPROTOCOL);
        return bearer >= 0 && bearer + 1 < offered.size() ? Optional.of(offered.get(bearer + 1)) : Optional.empty();
    }

    private static List<String> subprotocols(Map<String, String> headers) {
        return header(headers, SUBPROTOCOL_HEADER)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).toList())
                .orElse(List.of());
    }

    private static Optional<String> header(Map<String, String> headers, String name) {
        return headers == null ? Optional.empty() : headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
