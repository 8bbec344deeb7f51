// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The open connections of the local API, by connection id. */
final class Connections {

    private final Map<String, LocalConnection> open = new ConcurrentHashMap<>();

    void add(LocalConnection connection) {
        open.put(connection.id(), connection);
    }

    /** @return whether the connection was open until now */
    boolean remove(LocalConnection connection) {
        return open.remove(connection.id(), connection);
    }

    Optional<LocalConnection> get(String connectionId) {
        return Optional.ofNullable(open.get(connectionId)).filter(LocalConnection::isOpen);
    }

    void forEachOpen(Consumer<LocalConnection> action) {
        open.values().forEach(action);
    }
}
