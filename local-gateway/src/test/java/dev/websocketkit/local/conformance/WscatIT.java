// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.websocketkit.local.LocalGateway;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rows: the {@code wscat} command the gateway's banner prints ({@code Try: wscat -c … -H …}), run as
 * a user pastes it into a shell with the real wscat (6.x, on ws) and
 * {@code -x '{"message": "send", "body": "Hello World!"}'}, prints {@code "Hello World!"}; and wscat
 * shows a refused handshake's status as {@code error: Unexpected server response: N}.
 *
 * <p>Sources: documented, connecting with wscat and sending a route's message,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/apigateway-how-to-call-websocket-api-wscat.html;
 * wscat's {@code error: Unexpected server response: 400} for a {@code $connect} answering 400,
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/websocket-connect-route-subprotocol.html.
 * Reported: {@code Unexpected server response: 401} without the token,
 * https://github.com/dsandor/example-ws-gateway-sam/issues/1.
 */
class WscatIT {

    private static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    private static LocalGateway gateway;

    @BeforeAll
    static void start() {
        gateway = Api.start(Api.ECHO, config -> config);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theBannersWscatCommandEchoesHelloWorld() throws Exception {
        Result result = shell(bannerCommand() + " -x '" + HELLO + "' -w 5");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals(List.of("\"Hello World!\""), result.stdout(), result.toString());
    }

    @Test
    void wscatShowsTheStatusOfARefusedHandshake() throws Exception {
        String uri = gateway.webSocketUri().toString();

        Result withoutCredentials = shell("wscat -c " + uri + " -x '" + HELLO + "'");
        assertTrue(withoutCredentials.exitCode() != 0, withoutCredentials.toString());
        assertEquals(List.of("error: Unexpected server response: 401"), withoutCredentials.stderr(), withoutCredentials.toString());

        Result refusedByConnect = shell(bannerCommand().replace("-c " + uri, "-c " + uri + "/?refuse=400") + " -x '" + HELLO + "'");
        assertTrue(refusedByConnect.exitCode() != 0, refusedByConnect.toString());
        assertEquals(List.of("error: Unexpected server response: 400"), refusedByConnect.stderr(), refusedByConnect.toString());
    }

    /** The banner's {@code Try: } line, less that prefix. */
    private static String bannerCommand() {
        String line = gateway.banner().stream().filter(banner -> banner.startsWith("Try: ")).findFirst()
                .orElseThrow(() -> new AssertionError("no Try: line in the banner " + gateway.banner()));
        String command = line.substring("Try: ".length());
        assertTrue(command.startsWith("wscat -c "), command);
        return command;
    }

    private record Result(int exitCode, List<String> stdout, List<String> stderr) {
    }

    /**
     * Runs a command line in sh, with the wscat the build installed first on the PATH. Its standard
     * input stays open, as a terminal's does: wscat quits as soon as its input ends.
     */
    private static Result shell(String command) throws IOException, InterruptedException {
        Path dir = NodeWs.nodeDirectory();
        Path out = Files.createTempFile(dir, "wscat", ".out");
        Path err = Files.createTempFile(dir, "wscat", ".err");
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PATH", dir.resolve("node_modules/.bin") + File.pathSeparator + System.getenv("PATH"));
        Process process = builder.start();
        try {
            if (!process.waitFor(Connection.WAIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("wscat did not end within " + Connection.WAIT.toSeconds() + " s: " + command);
            }
            return new Result(process.exitValue(), Files.readAllLines(out, StandardCharsets.UTF_8), Files.readAllLines(err, StandardCharsets.UTF_8));
        } finally {
            process.getOutputStream().close();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
