// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.WebSocketConnection;

/**
 * The gateway's connector: Jetty's, except that a WebSocket connection reads and handles its
 * frames on the selector's thread, where Jetty would hand each read to a thread of the pool. What
 * the gateway does with a frame never waits (it queues the invocation, or queues a reply), so the
 * hand-off bought nothing and cost a thread's wake-up for every message. HTTP requests need no help
 * here: every handler of the server is non-blocking, and Jetty handles them on the selector's
 * thread by itself.
 */
final class GatewayConnector extends ServerConnector {

    GatewayConnector(Server server, ConnectionFactory... factories) {
        super(server, factories);
    }

    @Override
    protected SocketChannelEndPoint newEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key) {
        SocketChannelEndPoint endPoint = new WebSocketReadsOnTheSelector(channel, selector, key, getScheduler());
        endPoint.setIdleTimeout(getIdleTimeout());
        return endPoint;
    }

    private static final class WebSocketReadsOnTheSelector extends SocketChannelEndPoint {

        private volatile SelectionKey key;

        WebSocketReadsOnTheSelector(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
            super(channel, selector, key, scheduler);
            this.key = key;
        }

        @Override
        public Runnable onSelected() {
            // Only a read: a write that completes may run callbacks of any kind.
            boolean readOnly = key.readyOps() == SelectionKey.OP_READ;
            Runnable task = super.onSelected();
            if (readOnly && task != null && getConnection() instanceof WebSocketConnection) {
                return Invocable.from(Invocable.InvocationType.NON_BLOCKING, task);
            }
            return task;
        }

        @Override
        public void replaceKey(SelectionKey newKey) {
            super.replaceKey(newKey);
            this.key = newKey;
        }
    }
}
