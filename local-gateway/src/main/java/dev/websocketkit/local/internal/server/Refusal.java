// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An HTTP answer that refuses a WebSocket handshake, as API Gateway sends it: the status, and for the
 * refusals API Gateway decides itself a short JSON body, {@code {"message":"Forbidden"}}. A status
 * the {@code $connect} integration chose goes back with no body.
 */
record Refusal(int status, String message) {

    static final Refusal UNAUTHORIZED = new Refusal(401, "Unauthorized");
    static final Refusal FORBIDDEN = new Refusal(403, "Forbidden");
    static final Refusal TOO_MANY_REQUESTS = new Refusal(429, "Too Many Requests");
    static final Refusal AUTHORIZER_FAILED = new Refusal(500, "Internal server error");
    static final Refusal INTEGRATION_FAILED = new Refusal(502, "Internal server error");

    /** The status a {@code $connect} integration answered with. */
    static Refusal byIntegration(int status) {
        return new Refusal(status, null);
    }

    /** Writes the answer and closes the connection: a refused upgrade leaves it to nothing else. */
    void write(Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (message == null) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, 0L);
            response.write(true, null, callback);
            return;
        }
        byte[] body = ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
