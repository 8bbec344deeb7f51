// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import org.eclipse.jetty.websocket.core.AbstractExtension;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.exception.MessageTooLargeException;
import org.eclipse.jetty.util.Callback;

/**
 * API Gateway's 32 KB limit on a frame as it arrives on the wire, compressed or not: a larger data
 * frame closes the connection with 1009. An internal extension of Jetty's (its name starts with
 * {@code @}, so it is never negotiated with the client), placed before {@code permessage-deflate},
 * because the inflated payload of a compressed frame may well be larger and is bounded by the
 * 128 KB message limit instead.
 */
public final class FrameSizeLimit extends AbstractExtension {

    static final String NAME = "@api-gateway-frame-size";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        if (frame.isDataFrame() && frame.getPayloadLength() > GatewayServer.MAX_FRAME_BYTES) {
            callback.failed(new MessageTooLargeException("Frame of " + frame.getPayloadLength() + " bytes exceeds API Gateway's "
                    + GatewayServer.MAX_FRAME_BYTES));
            return;
        }
        nextIncomingFrame(frame, callback);
    }
}
