package ${package}.local;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ${package}.messaging.Json;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The API Gateway Management API of the local stage, {@code /{stage}/@connections/{id}}: POST
 * sends to the client, GET describes the connection, DELETE closes it. Unknown connections answer
 * 410 Gone, as on AWS, so the handlers' SDK client behaves as it does there.
 */
final class ManagementApiHandler extends Handler.Abstract {

    private static final Pattern CONNECTION_PATH = Pattern.compile("/([^/]+)/@connections/([^/]+)");

    private final String stage;
    private final Function<String, LocalConnection> connections;

    ManagementApiHandler(String stage, Function<String, LocalConnection> connections) {
        this.stage = stage;
        this.connections = connections;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Matcher path = CONNECTION_PATH.matcher(Request.getPathInContext(request));
        if (!path.matches()) {
            return false;
        }
        if (!path.group(1).equals(stage)) {
            reply(response, callback, 403, "ForbiddenException", "Forbidden");
            return true;
        }
        LocalConnection connection = connections.apply(path.group(2));
        if (connection == null || !connection.isOpen()) {
            reply(response, callback, 410, "GoneException", null);
            return true;
        }
        switch (request.getMethod()) {
            case "POST":
                connection.send(Content.Source.asString(request, StandardCharsets.UTF_8));
                response.setStatus(200);
                callback.succeeded();
                break;
            case "GET":
                Map<String, Object> description = new LinkedHashMap<>();
                description.put("connectedAt", connection.client().connectedAt().toString());
                description.put("identity", Map.of(
                        "sourceIp", connection.client().sourceIp(),
                        "userAgent", String.valueOf(connection.client().userAgent())));
                description.put("lastActiveAt", connection.lastActiveAt().toString());
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                Content.Sink.write(response, true, Json.write(description), callback);
                break;
            case "DELETE":
                connection.close();
                response.setStatus(204);
                callback.succeeded();
                break;
            default:
                reply(response, callback, 405, "MethodNotAllowedException", "Method not allowed");
        }
        return true;
    }

    private static void reply(Response response, Callback callback, int status, String errorType, String message) {
        response.setStatus(status);
        // The SDK picks the exception class from this header, as API Gateway sends it.
        response.getHeaders().put("x-amzn-ErrorType", errorType);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        Content.Sink.write(response, true, Json.write(body), callback);
    }
}
