// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.junit.jupiter.api.Test;

class GatewayServerTest {

    @Test
    void theBufferOfACompressedMessageIsReusedForTheNext() {
        GatewayServer server = GatewayServer.bind("localhost", 0);
        try {
            ByteBufferPool pool = server.bufferPool();
            RetainableByteBuffer first = pool.acquire(GatewayServer.COMPRESSION_BUFFER_BYTES, false);
            ByteBuffer firstBytes = first.getByteBuffer();
            first.release();

            RetainableByteBuffer second = pool.acquire(GatewayServer.COMPRESSION_BUFFER_BYTES, false);

            assertSame(firstBytes, second.getByteBuffer(), "the pool kept the buffer of the first message");
            second.release();
        } finally {
            server.stop();
        }
    }
}
