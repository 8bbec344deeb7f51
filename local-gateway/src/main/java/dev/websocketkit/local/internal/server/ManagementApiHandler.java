// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.internal.account.LocalAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The API Gateway Management API of the local stage, {@code /{stage}/@connections/{id}}: POST sends
 * to the client, GET describes the connection, DELETE closes it, with API Gateway's status codes and
 * error types: 403 for a wrong stage, a foreign {@code Host} or a request not signed with the local
 * account's key, 405 for other methods, 410 Gone for a connection that is not open, 413 for data
 * over 128 KB. The functions' SDK clients throw the same exceptions as on AWS. Each request can be
 * answered after a latency, without holding a thread, to see how code behaves at API Gateway's speed.
 */
final class ManagementApiHandler extends Handler.Abstract.NonBlocking {

    /** API Gateway's limit for the data of a PostToConnection. */
    static final int MAX_POST_BYTES = 128 * 1024;

    /** API Gateway writes a missing value as {@code null}, e.g. the user agent of a client that sent none. */
    private static final JSON WITH_NULLS = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final Pattern CONNECTION_PATH = Pattern.compile("/([^/]+)/@connections/([^/]+)");
    /** ISO 8601 in UTC to the millisecond, as API Gateway writes {@code connectedAt} and {@code lastActiveAt}. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final String stage;
    private final Set<String> hosts;
    private final Connections connections;
    private final Duration latency;
    private final ScheduledExecutorService scheduler;

    /**
     * @param hosts the {@code Host} values the gateway answers to, e.g. {@code localhost:8080}
     * @param latency how long each request waits before it is handled
     */
    ManagementApiHandler(String stage, Set<String> hosts, Connections connections, Duration latency, ScheduledExecutorService scheduler) {
        this.stage = stage;
        this.hosts = Set.copyOf(hosts);
        this.connections = connections;
        this.latency = latency;
        this.scheduler = scheduler;
    }

    /**
     * Runs on the selector's thread that read the request, so that a request costs no thread's
     * wake-up. A post is answered once its data has arrived, which is at once when the data came
     * with the headers, as the functions' SDK clients send it.
     */
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Matcher path = CONNECTION_PATH.matcher(Request.getPathInContext(request));
        if (!path.matches()) {
            return false;
        }
        if (!request.getMethod().equals("POST") || request.getLength() > MAX_POST_BYTES) {
            answer(request, response, callback, path, null);
            return true;
        }
        PostedData.read(request, (data, withTheHeaders) -> {
            if (!withTheHeaders) {
                // Answered after this method has returned: Jetty (12.0 and 12.1) may then complete the
                // connection's next request twice, if that one is answered before its handler returns, and
                // leave the request after it unanswered (Jetty issue 14745). Closed, the connection has no next request.
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE);
            }
            answer(request, response, callback, path, data);
        }, callback::failed);
        return true;
    }

    private void answer(Request request, Response response, Callback callback, Matcher path, ByteBuffer data) {
        if (latency.isZero()) {
            handle(request, response, callback, path, data);
        } else {
            scheduler.schedule(() -> handle(request, response, callback, path, data), latency.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void handle(Request request, Response response, Callback callback, Matcher path, ByteBuffer data) {
        if (!path.group(1).equals(stage) || !hosts.contains(request.getHeaders().get(HttpHeader.HOST)) || !isSignedLocally(request)) {
            reply(response, callback, 403, "ForbiddenException", "Forbidden");
            return;
        }
        String method = request.getMethod();
        if (!method.equals("POST") && !method.equals("GET") && !method.equals("DELETE")) {
            reply(response, callback, 405, "MethodNotAllowedException", "Method not allowed");
            return;
        }
        Optional<LocalConnection> found = connections.get(path.group(2));
        if (found.isEmpty()) {
            reply(response, callback, 410, "GoneException", null);
            return;
        }
        LocalConnection connection = found.get();
        switch (method) {
            case "POST":
                post(data, response, callback, connection);
                break;
            case "GET":
                describe(response, callback, connection);
                break;
            default:
                connection.close(StatusCode.NORMAL, "Closed through the Management API");
                response.setStatus(204);
                callback.succeeded();
        }
    }

    /** @param data what was posted; {@code null} when its length said it was over the limit */
    private static void post(ByteBuffer data, Response response, Callback callback, LocalConnection connection) {
        if (data == null || data.remaining() > MAX_POST_BYTES) {
            tooLarge(response, callback);
            return;
        }
        connection.send(StandardCharsets.UTF_8.decode(data).toString());
        response.setStatus(200);
        callback.succeeded();
    }

    private static void tooLarge(Response response, Callback callback) {
        reply(response, callback, 413, "PayloadTooLargeException", "Request entity too large");
    }

    private static void describe(Response response, Callback callback, LocalConnection connection) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("sourceIp", connection.client().sourceIp());
        identity.put("userAgent", connection.client().userAgent());
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("connectedAt", TIMESTAMP.format(connection.client().connectedAt()));
        description.put("identity", identity);
        description.put("lastActiveAt", TIMESTAMP.format(connection.lastActiveAt()));
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Content.Sink.write(response, true, json(description), callback);
    }

    /** Signed with SigV4 by the local account's key, as the functions' SDK clients sign; the signature itself is not checked. */
    private static boolean isSignedLocally(Request request) {
        String authorization = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        return authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + LocalAccount.ACCESS_KEY_ID + "/");
    }

    private static void reply(Response response, Callback callback, int status, String errorType, String message) {
        response.setStatus(status);
        // The SDK picks the exception class from this header, as API Gateway sends it.
        response.getHeaders().put("x-amzn-ErrorType", errorType);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        Content.Sink.write(response, true, json(body), callback);
    }

    private static String json(Map<String, Object> value) {
        try {
            return WITH_NULLS.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
