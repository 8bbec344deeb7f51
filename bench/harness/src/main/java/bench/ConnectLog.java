// SPDX-License-Identifier: Apache-2.0

package bench;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the connection id from the line the generated {@code $connect} function logs for each new
 * connection: {@code [ConnectFunction] {"level":"INFO","message":"Connected",…,"connectionId":"…"}},
 * the function's JSON log line behind the gateway's prefix.
 */
final class ConnectLog {

    private static final String PREFIX = "[ConnectFunction] ";

    private ConnectLog() {
    }

    static boolean isConnected(String line) {
        return connectionId(line).isPresent();
    }

    static Optional<String> connectionId(String line) {
        if (!line.startsWith(PREFIX + "{")) {
            return Optional.empty();
        }
        try {
            Map<String, Object> fields = JSON.std.mapFrom(line.substring(PREFIX.length()));
            return "Connected".equals(fields.get("message")) && fields.get("connectionId") instanceof String id ? Optional.of(id) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
