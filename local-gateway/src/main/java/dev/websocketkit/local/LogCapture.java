// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The lines a {@link GatewayLog} printed while this capture was open. */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Consumer<LogCapture> onClose;

    LogCapture(Consumer<LogCapture> onClose) {
        this.onClose = onClose;
    }

    void add(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Every line, joined with newlines. */
    public String text() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        onClose.accept(this);
    }
}
