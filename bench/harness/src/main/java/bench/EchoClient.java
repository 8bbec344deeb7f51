// SPDX-License-Identifier: Apache-2.0

package bench;

import java.net.URI;
import java.util.Map;

/** The WebSocket clients the echo section drives: those users connect with. */
enum EchoClient {

    WS_DEFLATE("Node ws, permessage-deflate offered (ws's default)"),
    WS_PLAIN("Node ws, no compression offered"),
    JDK("JDK java.net.http.WebSocket");

    private final String label;

    EchoClient(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** {@code clients} clients at once, each sending {@code message} {@code messagesEach} times, one at a time, expecting {@code reply}. */
    Echoes run(URI uri, Map<String, String> headers, String message, String reply, int clients, int messagesEach) throws Exception {
        return switch (this) {
            case WS_DEFLATE, WS_PLAIN -> new NodeClients().clients(clients, 0).deflate(this == WS_DEFLATE)
                    .echo(message, reply, messagesEach).together().run(uri, headers).echoes();
            case JDK -> EchoLoad.run(uri, headers, message, reply, clients, messagesEach);
        };
    }
}
