// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Consumer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Invocable.InvocationType;

/**
 * Reads the data of a POST without waiting for it: what came with the headers at once, the rest as
 * it arrives, on the selector's thread that reads it.
 */
final class PostedData {

    /** What to do with the data once all of it has arrived. */
    @FunctionalInterface
    interface Arrival {

        /** @param withTheHeaders whether the data had all arrived when the request was handed to the server's handler */
        void arrived(ByteBuffer data, boolean withTheHeaders);
    }

    /** Enough for most posts of unknown length (chunked); more is allocated as it comes. */
    private static final int UNKNOWN_LENGTH_CAPACITY = 1024;

    private final Request request;
    private final Arrival arrival;
    private final Consumer<Throwable> failure;
    private ByteBuffer data;

    private PostedData(Request request, Arrival arrival, Consumer<Throwable> failure) {
        this.request = request;
        this.arrival = arrival;
        this.failure = failure;
        long length = request.getLength();
        this.data = ByteBuffer.allocate(length < 0 ? UNKNOWN_LENGTH_CAPACITY : Math.toIntExact(length));
    }

    /** Reads all of {@code request}'s data, then passes it to {@code arrival}, or why it did not arrive to {@code failure}. */
    static void read(Request request, Arrival arrival, Consumer<Throwable> failure) {
        new PostedData(request, arrival, failure).readWhatHasArrived(true);
    }

    private void readWhatHasArrived(boolean withTheHeaders) {
        for (Content.Chunk chunk = request.read(); chunk != null; chunk = request.read()) {
            if (Content.Chunk.isFailure(chunk)) {
                failure.accept(new IOException("The posted data did not arrive", chunk.getFailure()));
                return;
            }
            try {
                append(chunk.getByteBuffer());
            } finally {
                chunk.release();
            }
            if (chunk.isLast()) {
                arrival.arrived(data.flip(), withTheHeaders);
                return;
            }
        }
        request.demand(Invocable.from(InvocationType.NON_BLOCKING, () -> readWhatHasArrived(false)));
    }

    private void append(ByteBuffer bytes) {
        if (data.remaining() < bytes.remaining()) {
            data = ByteBuffer.allocate(Math.max(2 * data.capacity(), data.position() + bytes.remaining())).put(data.flip());
        }
        data.put(bytes);
    }
}
