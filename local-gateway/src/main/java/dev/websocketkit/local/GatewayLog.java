// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Where the gateway prints: its own lines, and every function's log lines prefixed with the
 * function's name, as CloudWatch would keep them in the function's log group. Tests capture what is
 * printed while a {@link LogCapture} is open.
 */
public final class GatewayLog {

    private final PrintStream out;
    private final List<LogCapture> captures = new CopyOnWriteArrayList<>();

    public GatewayLog(PrintStream out) {
        this.out = out;
    }

    /** A line of a function's log. */
    public void function(String functionName, String line) {
        print("[" + functionName + "] " + line);
    }

    /** A line of the gateway's own. */
    public void gateway(String line) {
        print("[local-gateway] " + line);
    }

    /** Starts keeping every line printed from now until the capture is closed. */
    public LogCapture capture() {
        LogCapture capture = new LogCapture(captures::remove);
        captures.add(capture);
        return capture;
    }

    private void print(String line) {
        out.println(line);
        captures.forEach(capture -> capture.add(line));
    }
}
