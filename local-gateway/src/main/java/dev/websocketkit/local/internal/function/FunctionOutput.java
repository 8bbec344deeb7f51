// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A function's {@code System.out} or {@code System.err}: complete lines go to {@code lines}, each
 * thread's partial line is kept until its newline, as Lambda keeps what a function prints.
 */
final class FunctionOutput extends OutputStream {

    private final Consumer<String> lines;
    private final ThreadLocal<ByteArrayOutputStream> partial = ThreadLocal.withInitial(ByteArrayOutputStream::new);

    private FunctionOutput(Consumer<String> lines) {
        this.lines = lines;
    }

    static PrintStream printingTo(Consumer<String> lines) {
        return new PrintStream(new FunctionOutput(lines), true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
        if (b == '\n') {
            ByteArrayOutputStream line = partial.get();
            lines.accept(line.toString(StandardCharsets.UTF_8).stripTrailing());
            line.reset();
        } else {
            partial.get().write(b);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                partial.get().write(bytes, start, i - start);
                write('\n');
                start = i + 1;
            }
        }
        partial.get().write(bytes, start, offset + length - start);
    }
}
