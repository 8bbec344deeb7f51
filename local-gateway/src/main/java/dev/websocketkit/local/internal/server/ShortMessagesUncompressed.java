// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;

/**
 * {@code permessage-deflate} that sends messages shorter than 1 KB uncompressed. RFC 7692 lets an
 * endpoint send any message uncompressed, and a client's WebSocket API delivers the same message
 * either way; whether API Gateway compresses short messages is not documented. On a laptop's loopback
 * the bytes a short reply's compression saves cost nothing, while its inflate costs a Node {@code ws}
 * client a hop to libuv's thread pool for every message it receives. Node's {@code ws} uses the same
 * 1 KB threshold, though only on connections without context takeover.
 */
public final class ShortMessagesUncompressed extends PerMessageDeflateExtension {

    private static final int THRESHOLD_BYTES = 1024;

    @Override
    public void sendFrame(Frame frame, Callback callback, boolean batch) {
        if (isShortWholeMessage(frame)) {
            // Jetty's session hands the extensions one frame at a time, each once the one before it is
            // written, so a short message cannot overtake one still in the deflater.
            nextOutgoingFrame(frame, callback, batch);
        } else {
            super.sendFrame(frame, callback, batch);
        }
    }

    private static boolean isShortWholeMessage(Frame frame) {
        byte opCode = frame.getOpCode();
        return frame.isFin() && (opCode == OpCode.TEXT || opCode == OpCode.BINARY) && frame.getPayloadLength() < THRESHOLD_BYTES;
    }
}
