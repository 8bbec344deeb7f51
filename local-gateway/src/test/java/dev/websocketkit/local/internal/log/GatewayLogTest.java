// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GatewayLogTest {

    /** How long the writer may print nothing while lines or a flush wait, before the test gives up. */
    private static final long STALLED_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final GatewayLog log = new GatewayLog(new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void printsEveryLineOfFunctionsPrintingAtOnceExactlyOnceInTheOrderEachQueuedIt() throws Exception {
        int functions = 4;
        int lines = 5_000;

        whileThePrintedOutputGrows("every line queued and every flush returned", () ->
                CompletableFuture.allOf(IntStream.range(0, functions).mapToObj(function -> CompletableFuture.runAsync(() -> {
                    for (int line = 0; line < lines; line++) {
                        log.function("Function" + function, Integer.toString(line));
                        if (line % 1_000 == 999) {
                            log.flush();
                        }
                    }
                })).toArray(CompletableFuture[]::new)).join());
        whileThePrintedOutputGrows("the log closed", log::close);

        for (int function = 0; function < functions; function++) {
            String prefix = "[Function" + function + "] ";
            List<String> expected = IntStream.range(0, lines).mapToObj(line -> prefix + line).toList();
            assertEquals(expected, printedLines().stream().filter(line -> line.startsWith(prefix)).toList(),
                    "Function" + function + "'s lines, each once, in its order");
        }
    }

    @Test
    void aFlushReturnsOnceTheLinesBeforeItArePrintedAndHandedToTheListeners() throws Exception {
        List<String> heard = new ArrayList<>();
        whileThePrintedOutputGrows("the listener added", () -> log.listen(heard::add));

        log.function("SendFunction", "first");
        log.gateway("second");
        whileThePrintedOutputGrows("the flush", log::flush);

        assertEquals(List.of("[SendFunction] first", "[local-gateway] second"), printedLines());
        assertEquals(printedLines(), heard);
        whileThePrintedOutputGrows("the log closed", log::close);
    }

    @Test
    void printsOnlyTheLinesTheirFilterKeeps() throws Exception {
        log.function("SendFunction", "DEBUG dropped", line -> !line.startsWith("DEBUG"));
        log.function("SendFunction", "INFO kept", line -> !line.startsWith("DEBUG"));
        whileThePrintedOutputGrows("the log closed", log::close);

        assertEquals(List.of("[SendFunction] INFO kept"), printedLines());
    }

    /** Runs {@code work}, waiting for it as long as the writer keeps printing. */
    private void whileThePrintedOutputGrows(String awaited, Runnable work) throws Exception {
        CompletableFuture<Void> done = CompletableFuture.runAsync(work);
        int printedBefore = printed.size();
        long stalledSince = System.nanoTime();
        while (true) {
            try {
                done.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException notYet) {
                if (printed.size() != printedBefore) {
                    printedBefore = printed.size();
                    stalledSince = System.nanoTime();
                } else if (System.nanoTime() - stalledSince > STALLED_NANOS) {
                    fail("Waited for " + awaited + ", but the writer printed nothing for " + TimeUnit.NANOSECONDS.toSeconds(STALLED_NANOS)
                            + " s (" + printedLines().size() + " lines out)");
                }
            } catch (ExecutionException e) {
                throw new AssertionError(awaited + " failed", e.getCause());
            }
        }
    }

    private List<String> printedLines() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
