// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.LocalGatewayConfig;
import dev.websocketkit.local.WebSocketTestClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The test APIs of the conformance suite, and the messages the rows send them. */
final class Api {

    /** Every client kind, browsers included, connects to it with only {@code ?token=}; it has the routes send, env, fail and $default. */
    static final Path CONFORMANCE = Path.of("src/test/resources/templates/conformance.yaml");
    /** The API key in the {@code x-api-key} header, as the banner's wscat command sends it. */
    static final Path ECHO = Path.of("src/test/resources/templates/echo.yaml");
    /** Only a token in the query string, like {@link #CONFORMANCE}, but no {@code $default} route: one route, send. */
    static final Path WITHOUT_DEFAULT = Path.of("src/test/resources/templates/browser.yaml");

    private static final String SEND_PREFIX = "{\"message\": \"send\", \"body\": \"";
    private static final String SEND_SUFFIX = "\"}";
    private static final String REPEATED = "Hello World! ";

    private Api() {
    }

    /** A gateway of its own, warmed up, for a row that changes its limits or needs another template; the caller closes it. */
    static LocalGateway start(Path template, UnaryOperator<LocalGatewayConfig> settings) {
        LocalGateway gateway;
        try {
            gateway = LocalGateway.start(settings.apply(LocalGatewayConfig.forTemplate(template).port(0)));
        } catch (Exception e) {
            throw new IllegalStateException("The gateway did not start for " + template, e);
        }
        warmUp(gateway);
        return gateway;
    }

    /**
     * Connects once and echoes a message, so that the rows do not pay for the functions' cold start
     * (the first call of an SDK client takes seconds on a busy machine, longer than a template's
     * default Lambda timeout of 3 s): retried until it works, for at most a minute.
     */
    static void warmUp(LocalGateway gateway) {
        gateway.awaitFunctions();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try (WebSocketTestClient client = gateway.connect()) {
                client.send(send("warm"));
                client.receive(Connection.WAIT);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while warming the gateway up", e);
            } catch (RuntimeException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The gateway did not answer within a minute of starting", e);
                }
            }
        }
    }

    /** A handshake with the gateway's development token in the query string. */
    static Connect connect(LocalGateway gateway) {
        return Connect.to(gateway.webSocketUri()).token(gateway.developmentToken().orElseThrow());
    }

    /** {@code {"message": "send", "body": "<body>"}}: the send route echoes the body, as a JSON string. */
    static String send(String body) {
        return SEND_PREFIX + body + SEND_SUFFIX;
    }

    /** A message to the send route of exactly {@code bytes} UTF-8 bytes, its body repetitive text that compresses well. */
    static String sendOfLength(int bytes) {
        int bodyLength = bytes - SEND_PREFIX.length() - SEND_SUFFIX.length();
        String body = REPEATED.repeat(bodyLength / REPEATED.length() + 1).substring(0, bodyLength);
        String message = send(body);
        if (message.getBytes(StandardCharsets.UTF_8).length != bytes) {
            throw new IllegalStateException("a message of " + message.length() + " bytes, not " + bytes);
        }
        return message;
    }

    /** What the send route answers to a message: its body, as a JSON string. */
    static String echoOf(String sendMessage) {
        return "\"" + sendMessage.substring(SEND_PREFIX.length(), sendMessage.length() - SEND_SUFFIX.length()) + "\"";
    }

    /** The connection's id as the gateway knows it, asked of the env route. */
    static String connectionIdOf(Connection connection) {
        connection.send("{\"message\": \"env\"}");
        return (String) parse(connection.receive()).get("connectionId");
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new AssertionError("not a JSON object: " + Connection.abbreviate(json), e);
        }
    }
}
