// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.testing;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.websocketkit.local.internal.function.InvocationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Lambda context for handler tests: function {@code test} with 1,024 MB, a real deadline, and a
 * logger that keeps every line.
 */
public final class LocalContext extends InvocationContext {

    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            logLines.add(message.stripTrailing());
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(message);
        }
    };

    /** A context with a fifteen-second timeout. */
    public LocalContext() {
        this(Duration.ofSeconds(15));
    }

    /** A context whose invocation times out {@code timeout} from now. */
    public LocalContext(Duration timeout) {
        super("test", 1024, timeout);
    }

    public List<String> logLines() {
        return List.copyOf(logLines);
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
