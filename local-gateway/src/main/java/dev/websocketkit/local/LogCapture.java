// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The lines a {@link GatewayLog} printed while this capture was open. */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final Runnable flush;
    private final Consumer<LogCapture> onClose;

    /** @param flush waits until every line logged so far has reached the captures */
    LogCapture(Runnable flush, Consumer<LogCapture> onClose) {
        this.flush = flush;
        this.onClose = onClose;
    }

    synchronized void add(String line) {
        lines.add(line);
    }

    /** Every line logged since the capture started, up to this call. */
    public List<String> lines() {
        flush.run();
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
        onClose.accept(this);
    }
}
