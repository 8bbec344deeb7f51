// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.cli;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.LocalGatewayConfig;
import dev.websocketkit.local.internal.dynamodb.DynamoDbLocal;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.simple.SimpleLoggerContextFactory;

/**
 * Runs a local gateway until the process is stopped. The Maven plugin's {@code run} goal starts it;
 * it can also be run by hand:
 *
 * <pre>
 * java -cp &lt;gateway class path&gt; dev.websocketkit.local.internal.cli.Main --template template.yaml \
 *      --function-classpath target/classes:&lt;dependencies&gt; [--dynamodb-local-classpath &lt;DynamoDB Local's jar&gt;] [--port 8080] [--api-key KEY] [--idle-timeout PT10M] [--management-api-latency PT0.025S] [--new-connections-per-second 500]
 *      [--development-key-file target/local-gateway/development-key.json]
 *      [--jwks-url URL --jwt-issuer ISSUER --jwt-audience AUDIENCE] [--parameter Name=Value ...]
 * </pre>
 */
public final class Main {

    private static final String USAGE = "Usage: --template <template.yaml> [--function-classpath <path>] [--dynamodb-local-classpath <path>] [--host <host>] [--port <port>] "
            + "[--api-key <key>] [--idle-timeout <ISO-8601 duration>] [--management-api-latency <ISO-8601 duration>] "
            + "[--new-connections-per-second <number>] [--development-key-file <path>] [--jwks-url <url> --jwt-issuer <issuer> --jwt-audience <audience>] "
            + "[--parameter <Name=Value>]...";

    private static final String LOG4J_CONTEXT_FACTORY = "log4j2.loggerContextFactory";

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        LocalGatewayConfig config;
        try {
            config = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        logDynamoDbLocalSimply();
        LocalGateway gateway = LocalGateway.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "local-gateway-stop"));
        gateway.banner().forEach(System.out::println);
        stopped.await();
    }

    /**
     * DynamoDB Local logs through Log4j, whose core loads a thousand classes and reads a
     * configuration at start only to print errors; Log4j's simple logger prints errors the same
     * way. This JVM is the gateway's, so its copy of Log4j is set to it; the functions load copies
     * of their own, which find the property gone and configure themselves as on Lambda.
     */
    private static void logDynamoDbLocalSimply() {
        System.setProperty(LOG4J_CONTEXT_FACTORY, SimpleLoggerContextFactory.class.getName());
        LogManager.getContext(false);
        System.clearProperty(LOG4J_CONTEXT_FACTORY);
    }

    static LocalGatewayConfig parse(String[] args) throws MalformedURLException {
        Path template = null;
        List<String[]> options = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + args[i] + " needs a value");
            }
            if (args[i].equals("--template")) {
                template = Path.of(args[i + 1]);
            } else {
                options.add(new String[] {args[i], args[i + 1]});
            }
        }
        if (template == null) {
            throw new IllegalArgumentException("--template is required");
        }
        LocalGatewayConfig config = LocalGatewayConfig.forTemplate(template);
        String jwksUrl = null;
        String issuer = null;
        String audience = null;
        for (String[] option : options) {
            String value = option[1];
            switch (option[0]) {
                case "--function-classpath":
                    config.functionClasses(classLoader("functions", value, ClassLoader.getPlatformClassLoader()));
                    break;
                case "--dynamodb-local-classpath":
                    DynamoDbLocal.loadServerFrom(classLoader("dynamodb-local", value, Main.class.getClassLoader()));
                    break;
                case "--host":
                    config.host(value);
                    break;
                case "--port":
                    config.port(number(option[0], value));
                    break;
                case "--api-key":
                    config.apiKey(value);
                    break;
                case "--idle-timeout":
                    config.idleTimeout(duration(option[0], value));
                    break;
                case "--management-api-latency":
                    config.managementApiLatency(duration(option[0], value));
                    break;
                case "--new-connections-per-second":
                    config.newConnectionsPerSecond(number(option[0], value));
                    break;
                case "--development-key-file":
                    config.developmentKeyFile(Path.of(value));
                    break;
                case "--jwks-url":
                    jwksUrl = value;
                    break;
                case "--jwt-issuer":
                    issuer = value;
                    break;
                case "--jwt-audience":
                    audience = value;
                    break;
                case "--parameter":
                    int equals = value.indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("--parameter takes Name=Value, not " + value);
                    }
                    config.parameter(value.substring(0, equals), value.substring(equals + 1));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option " + option[0]);
            }
        }
        if (jwksUrl != null) {
            if (issuer == null || audience == null) {
                throw new IllegalArgumentException("--jwks-url needs --jwt-issuer and --jwt-audience");
            }
            config.identityProvider(jwksUrl, issuer, audience);
        }
        return config;
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + value);
        }
    }

    private static Duration duration(String option, String value) {
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " takes an ISO-8601 duration such as PT10M or PT0.03S, not " + value);
        }
    }

    /**
     * The functions' class path goes on the platform's loader, on its own: the JDK below it and
     * nothing of the gateway's. DynamoDB Local's goes on the gateway's, which holds its dependencies.
     */
    private static ClassLoader classLoader(String name, String classPath, ClassLoader parent) throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        return new URLClassLoader(name, urls.toArray(URL[]::new), parent);
    }
}
