// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import dev.websocketkit.local.internal.log.GatewayLog;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The lines the gateway printed, its own and its functions', while this capture was open. */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Consumer<String> listener = this::add;
    private final GatewayLog log;

    LogCapture(GatewayLog log) {
        this.log = log;
        log.listen(listener);
    }

    private synchronized void add(String line) {
        lines.add(line);
    }

    /** Every line logged since the capture started, up to this call. */
    public List<String> lines() {
        log.flush();
        synchronized (this) {
            return List.copyOf(lines);
        }
    }

    /** Every line, joined with newlines. */
    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        log.stopListening(listener);
    }
}
