// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The opening handshake a test asks of a client: the URL with its query string, headers,
 * subprotocols, whether to offer compression, whether the test writes exact frames. A kind that
 * cannot do what is asked throws {@link IllegalArgumentException}; the suite runs such rows only
 * for kinds whose {@link Capability capabilities} allow them.
 */
public final class Connect {

    private final URI base;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<String> subprotocols = new ArrayList<>();
    private Boolean compression;
    private boolean exactFrames;

    private Connect(URI base) {
        this.base = base;
    }

    /** A handshake to the gateway's {@code ws://host:port}. */
    public static Connect to(URI webSocketUri) {
        return new Connect(webSocketUri);
    }

    /** A query parameter, in order. */
    public Connect query(String name, String value) {
        query.put(name, value);
        return this;
    }

    /** The token in the query string, where the test templates' authorizer also looks, and where a browser can put it. */
    public Connect token(String token) {
        return query("token", token);
    }

    public Connect header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Connect subprotocols(String... offered) {
        subprotocols.clear();
        subprotocols.addAll(List.of(offered));
        return this;
    }

    /** Offer {@code permessage-deflate} or not; unset, the client does what it does by default. */
    public Connect compression(boolean offered) {
        this.compression = offered;
        return this;
    }

    /** The test writes frames of exact sizes ({@link Connection#sendOneFrame}); a kind may need another transport for it. */
    public Connect exactFrames() {
        this.exactFrames = true;
        return this;
    }

    /** {@code ws://host:port/?name=value&…}. */
    public URI uri() {
        StringBuilder uri = new StringBuilder(base.toString());
        if (base.getPath() == null || base.getPath().isEmpty()) {
            uri.append('/');
        }
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        return URI.create(uri.toString());
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public List<String> subprotocols() {
        return List.copyOf(subprotocols);
    }

    public Optional<Boolean> compression() {
        return Optional.ofNullable(compression);
    }

    public boolean wantsExactFrames() {
        return exactFrames;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
