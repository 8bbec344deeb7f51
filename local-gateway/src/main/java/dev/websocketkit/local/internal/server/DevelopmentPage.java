// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The page at {@code /}: a WebSocket client in plain HTML and JavaScript, nothing loaded from
 * another host, that connects as a browser does (the token in the query string or as a
 * subprotocol, no headers), sends to the API's routes and shows what comes back.
 */
final class DevelopmentPage extends Handler.Abstract.NonBlocking {

    private final String html;

    /**
     * @param webSocketUrl where the page connects
     * @param token the token to fill in; {@code null} when the API has no authorizer or a real identity provider issues them
     * @param routeField the body field that names the route, dotted for nested fields
     * @param routes the routes a message can name
     * @param apiKeyInHeader whether the API takes its key from a header, which browsers cannot send
     */
    DevelopmentPage(String webSocketUrl, String token, String routeField, List<String> routes, boolean apiKeyInHeader) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("url", webSocketUrl);
        config.put("token", token);
        config.put("routeField", routeField);
        config.put("routes", routes);
        config.put("apiKeyInHeader", apiKeyInHeader);
        this.html = template().replace("{{CONFIG}}", scriptSafe(json(config)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!request.getMethod().equals("GET") || !Request.getPathInContext(request).equals("/")) {
            return false;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                + "connect-src ws: wss:; base-uri 'none'; form-action 'none'");
        Content.Sink.write(response, true, html, callback);
        return true;
    }

    /** JSON inside a script element: no {@code </script>} can close it early. */
    private static String scriptSafe(String json) {
        return json.replace("<", "\\u003c");
    }

    private static String template() {
        try (InputStream in = DevelopmentPage.class.getResourceAsStream("page.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(Map<String, Object> value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
