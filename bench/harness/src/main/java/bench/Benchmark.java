// SPDX-License-Identifier: Apache-2.0

package bench;

import dev.websocketkit.local.Handshake;
import dev.websocketkit.local.WebSocketTestClient;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of bench/run: cold starts beside the floor and two baselines, SnapStart priming, artifact sizes, the
 * local gateway's start, echo throughput beside a plain Jetty endpoint, a load of a thousand
 * clients, and broadcast fan-out. Configured with system properties that bench/run sets;
 * {@code bench.sections} picks sections.
 */
public final class Benchmark {

    static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-client");
        thread.setDaemon(true);
        return thread;
    });

    public static void main(String[] args) throws Exception {
        Set<String> sections = Set.of(System.getProperty("bench.sections", "coldstart,size,start,echo,load,broadcast").split(","));
        System.out.printf("Machine: %d CPUs, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version());
        if (sections.contains("coldstart")) {
            coldStarts();
        }
        if (sections.contains("size")) {
            artifactSizes();
        }
        if (sections.contains("start")) {
            gatewayStart();
        }
        if (sections.contains("echo")) {
            echo();
        }
        if (sections.contains("load")) {
            load();
        }
        if (sections.contains("broadcast")) {
            broadcast();
        }
        System.exit(0);
    }

    private static void coldStarts() throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        String packageName = System.getProperty("bench.package", "com.example");
        String generatedJar = System.getProperty("bench.generatedJar");
        String defaults = System.getProperty("bench.sdkDefaultsJar");
        String archetypeLambda = System.getProperty("bench.archetypeLambdaJar");
        try (LocalAws aws = new LocalAws()) {
            ColdStart coldStart = new ColdStart(System.getProperty("bench.java"), System.getProperty("bench.runnerClasses"), aws.environment());
            double floor = median(coldStart.measure(System.getProperty("bench.floorClasspath"), "bench.FloorHandler", "floor", runs));

            System.out.printf("%n1. Cold start: process start to reply, median of %d fresh JVMs, %s, flags %s%n",
                    runs, coldStart.pinned() ? "1 CPU (taskset -c 0)" : "all CPUs (no taskset here)", String.join(" ", ColdStart.LAMBDA_JVM_FLAGS));
            System.out.println("   Every handler does the same JSON work and runs from a shaded jar. Floor: a handler that returns a constant.");
            System.out.println("   (1): clients from builder() with the SDK's defaults. (2): clients built as AWS's archetype-lambda builds them.");
            Table table = new Table("handler", "floor ms", "(1) SDK defaults ms", "(2) archetype-lambda ms", "generated ms",
                    "generated/(1)", "generated/(2)");
            for (String[] handler : new String[][] {{"send (echo, Management API)", "send", "SendHandler"},
                    {"$connect (DynamoDB Local)", "connect", "ConnectHandler"}}) {
                double sdkDefaults = median(coldStart.measure(defaults, "bench.defaults." + handler[2], handler[1], runs));
                double archetype = median(coldStart.measure(archetypeLambda, "bench.archetypelambda." + handler[2], handler[1], runs));
                double generated = median(coldStart.measure(generatedJar, packageName + ".handler." + handler[2], handler[1], runs));
                table.row(handler[0], ms(floor), ms(sdkDefaults), ms(archetype), ms(generated), ratio(generated / sdkDefaults),
                        ratio(generated / archetype));
            }
            table.print();

            System.out.println();
            System.out.printf("   SnapStart priming of the generated send handler, median of %d fresh JVMs: the priming as it would run before%n", runs);
            System.out.println("   the snapshot, and the first event after it (what a restored environment pays for code, without the restore)");
            Table priming = new Table("priming before the first event", "priming ms", "first event ms");
            for (String[] way : new String[][] {{"none", "none"}, {"the handler's own prime() (SnapStartPriming)", "handler"},
                    {"the SDK's SdkWarmUp.warmUp(ApiGatewayManagementApiClient.class)", "sdk-warm-up"},
                    {"both: SdkWarmUp, then prime()", "both"}}) {
                List<ColdStart.Run> measured = coldStart.measure(generatedJar, packageName + ".handler.SendHandler", "send", way[1], runs);
                priming.row(way[0], ms(median(measured.stream().map(ColdStart.Run::primingMillis).toList())),
                        ms(median(measured.stream().map(ColdStart.Run::firstEventMillis).toList())));
            }
            priming.print();
        }
    }

    private static void artifactSizes() throws IOException {
        String generatedJar = System.getProperty("bench.generatedJar");
        System.out.println();
        System.out.println("2. Artifact size (what ./mvnw package builds; sam build deploys the same classes and jars)");
        Table sizes = new Table("artifact", "MB");
        sizes.row("generated, shared by every function", mb(Files.size(Path.of(generatedJar))));
        sizes.row("(1) SDK defaults: send and $connect", mb(Files.size(Path.of(System.getProperty("bench.sdkDefaultsJar")))));
        sizes.row("(2) archetype-lambda: send and $connect", mb(Files.size(Path.of(System.getProperty("bench.archetypeLambdaJar")))));
        String runtime = System.getProperty("bench.functionClasspath");
        sizes.row("if split: send or $default alone", mb(classpathBytes(runtime, "dynamodb-", "nimbus-jose-jwt-")));
        sizes.row("if split: $connect or $disconnect alone", mb(classpathBytes(runtime, "apigatewaymanagementapi-", "nimbus-jose-jwt-")));
        sizes.row("if split: broadcast alone", mb(classpathBytes(runtime, "nimbus-jose-jwt-")));
        sizes.row("if split: authorizer alone", mb(classpathBytes(runtime, "dynamodb-", "apigatewaymanagementapi-")));
        sizes.print();
    }

    /** ./mvnw -Plocal in the generated project, compiled already: from the command to the banner's last line. */
    private static void gatewayStart() throws Exception {
        Path project = Path.of(System.getProperty("bench.generatedProject"));
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < 4; run++) {
            ProcessBuilder builder = new ProcessBuilder(project.resolve("mvnw").toString(), "-B", "-q", "-o", "-Plocal", "-Dlocal.port=0")
                    .directory(project.toFile());
            builder.environment().put("JAVA_HOME", Path.of(System.getProperty("bench.java")).getParent().getParent().toString());
            long start = System.nanoTime();
            try (ServerProcess maven = new ServerProcess(builder)) {
                maven.await(line -> line.startsWith("Try: "));
                if (run > 0) {
                    seconds.add((System.nanoTime() - start) / 1e9);
                }
            }
            Thread.sleep(1000);
        }
        System.out.println();
        System.out.println("3. ./mvnw -Plocal, warm (dependencies downloaded, classes compiled): command to banner, median of 3 after a warm-up");
        Table table = new Table("step", "s");
        table.row("banner printed", String.format(Locale.ROOT, "%.2f", median(seconds)));
        table.print();
    }

    private static void echo() throws Exception {
        int clients = Integer.getInteger("bench.echoClients", 50);
        int messages = Integer.getInteger("bench.echoMessages", 1000);
        EchoLoad.Result gatewayEcho;
        double gatewayCpu;
        PostCosts posts;
        try (GatewayProcess gateway = new GatewayProcess(List.of())) {
            EchoLoad.run(gateway.uri(), gateway.headers(), HELLO, clients, messages / 10);
            double before = gateway.output().cpuMillis();
            gatewayEcho = EchoLoad.run(gateway.uri(), gateway.headers(), HELLO, clients, messages);
            gatewayCpu = (gateway.output().cpuMillis() - before) / gatewayEcho.received();
            try (WebSocketTestClient listener = Handshake.to(gateway.uri()).apiKey(gateway.apiKey()).bearerToken(gateway.token()).connect()) {
                String connectionId = gateway.output().lines(line -> line.startsWith("[ConnectFunction] Connected ")).stream()
                        .reduce((first, last) -> last).orElseThrow().substring("[ConnectFunction] Connected ".length());
                posts = PostCosts.measure(gateway, connectionId);
            }
        }
        EchoLoad.Result plainEcho;
        double plainCpu;
        try (ServerProcess plain = new ServerProcess(new ProcessBuilder(System.getProperty("bench.java"), "-cp",
                System.getProperty("java.class.path"), "bench.PlainEchoServer"))) {
            String port = plain.await(line -> line.startsWith("Listening on ")).substring("Listening on ".length());
            URI uri = URI.create("ws://localhost:" + port);
            EchoLoad.run(uri, Map.of(), HELLO, clients, messages / 10);
            double before = plain.cpuMillis();
            plainEcho = EchoLoad.run(uri, Map.of(), HELLO, clients, messages);
            plainCpu = (plain.cpuMillis() - before) / plainEcho.received();
        }
        System.out.println();
        System.out.printf("4. Local echo: %d clients x %d messages each, one at a time per client%n", clients, messages);
        Table echo = new Table("server", "messages/s", "p50 ms", "p99 ms", "throughput ratio", "server CPU per message, us");
        echo.row("local gateway (send handler, Management API)", whole(gatewayEcho.messagesPerSecond()),
                ratio(gatewayEcho.p50Millis()), ratio(gatewayEcho.p99Millis()), ratio(gatewayEcho.messagesPerSecond() / plainEcho.messagesPerSecond()),
                whole(gatewayCpu * 1000));
        echo.row("plain Jetty echo (the limit)", whole(plainEcho.messagesPerSecond()),
                ratio(plainEcho.p50Millis()), ratio(plainEcho.p99Millis()), "1.00", whole(plainCpu * 1000));
        echo.print();
        System.out.println();
        System.out.println("   What one post to a connection costs, one call at a time against the same gateway (median of 2,000):");
        Table steps = new Table("step", "us per call");
        steps.row("sign a PostToConnection request (SDK signer only, no I/O)", whole(posts.signMicros()));
        steps.row("plain HTTP POST to the Management API (HttpURLConnection, kept alive)", whole(posts.rawPostMicros()));
        steps.row("the same POST, body streamed after the headers as the SDK sends it", whole(posts.streamedPostMicros()));
        steps.row("SDK postToConnection to the Management API (what the send handler does)", whole(posts.sdkPostMicros()));
        steps.print();
    }

    private static void load() throws Exception {
        int clients = Integer.getInteger("bench.loadClients", 1000);
        int messages = Integer.getInteger("bench.loadMessages", 100);
        EchoLoad.Result result;
        long timeouts;
        try (GatewayProcess gateway = new GatewayProcess(List.of())) {
            result = EchoLoad.run(gateway.uri(), gateway.headers(), HELLO, clients, messages);
            timeouts = gateway.output().count(line -> line.contains("Timeout") || line.contains("timed out"));
            gateway.output().lines(line -> line.contains("Timeout") || line.contains("timed out")).stream().limit(3)
                    .forEach(line -> System.err.println("  " + line.substring(0, Math.min(300, line.length()))));
        }
        long sent = (long) clients * messages;
        System.out.println();
        System.out.printf("5. Load: %d concurrent clients x %d echo messages each, on the local gateway%n", clients, messages);
        Table table = new Table("sent", "echoed", "other replies", "lost", "timeouts in the log", "messages/s", "p50 ms", "p99 ms");
        table.row(Long.toString(sent), Long.toString(result.received() - result.wrong()), Long.toString(result.wrong()),
                Long.toString(sent - result.received()), Long.toString(timeouts),
                whole(result.messagesPerSecond()), ratio(result.p50Millis()), ratio(result.p99Millis()));
        table.print();
    }

    /** Posts one broadcast function or worker environment has in flight (the generated Delivery's MAX_IN_FLIGHT). */
    private static final int POSTS_IN_FLIGHT = 16;
    private static final int STRAIGHT_POSTS_IN_FLIGHT = 256;
    private static final Pattern CONNECTED = Pattern.compile("\\[ConnectFunction] .*\"message\":\"Connected\".*\"connectionId\":\"([^\"]+)\"");

    /**
     * One client broadcasts to every other: the broadcast function posting alone, then fanning out
     * through SQS to 2, 4 and 10 workers, against a Management API as slow as API Gateway's; then
     * the limit, the same posts sent straight to the Management API. The ideal is what that many
     * posts in flight could do at that latency.
     */
    private static void broadcast() throws Exception {
        int clients = Integer.getInteger("bench.fanOut", 10_000);
        Duration latency = Duration.parse(System.getProperty("bench.managementApiLatency", "PT0.03S"));
        System.out.println();
        System.out.printf("6. Broadcast to %d connections on the local gateway, until every client has it (after a warm-up broadcast)%n", clients);
        Table table = new Table("way", "API latency ms", "environments posting", "ms", "posts/s", "ideal posts/s", "missed", "duplicates");
        Map<String, String> alone = Map.of("BroadcastFanOutThreshold", Integer.toString(clients * 2));
        broadcastRow(table, "broadcast function alone (threshold above the audience)", clients, Duration.ZERO, 1, alone);
        broadcastRow(table, "broadcast function alone (threshold above the audience)", clients, latency, 1, alone);
        for (int workers : List.of(2, 4, 10)) {
            broadcastRow(table, "fan-out through SQS, BroadcastWorkers=" + workers, clients, latency, workers,
                    Map.of("BroadcastFanOutThreshold", "500", "BroadcastWorkers", Integer.toString(workers)));
        }
        for (Duration delay : List.of(Duration.ZERO, latency)) {
            straightPostsRow(table, clients, delay);
        }
        table.print();
    }

    /** The limit: the same posts sent by the benchmark itself, {@value #STRAIGHT_POSTS_IN_FLIGHT} at a time. */
    private static void straightPostsRow(Table table, int clients, Duration latency) throws Exception {
        try (GatewayProcess gateway = new GatewayProcess(List.of(), List.of("--management-api-latency", latency.toString()));
             FanOut audience = new FanOut(gateway.uri(), gateway.headers(), clients)) {
            List<String> connectionIds = gateway.output().awaitAll(line -> CONNECTED.matcher(line).find(), clients).stream()
                    .map(Benchmark::connectionId).toList();
            audience.postDirectly(gateway.callbackUrl(), connectionIds, "warm-up", STRAIGHT_POSTS_IN_FLIGHT);
            FanOut.Result result = audience.postDirectly(gateway.callbackUrl(), connectionIds, "measured", STRAIGHT_POSTS_IN_FLIGHT);
            String ideal = latency.isZero() ? "-" : whole(STRAIGHT_POSTS_IN_FLIGHT * 1000.0 / latency.toMillis());
            table.row("straight POSTs, " + STRAIGHT_POSTS_IN_FLIGHT + " in flight (the limit)", Long.toString(latency.toMillis()), "-",
                    ms(result.millis()), whole(clients / (result.millis() / 1000)), ideal, Integer.toString(result.missed()),
                    Integer.toString(result.duplicates()));
        }
    }

    private static String connectionId(String connectedLine) {
        Matcher connected = CONNECTED.matcher(connectedLine);
        connected.find();
        return connected.group(1);
    }

    private static void broadcastRow(Table table, String way, int clients, Duration latency, int environments,
                                     Map<String, String> parameters) throws Exception {
        List<String> options = new ArrayList<>(List.of("--management-api-latency", latency.toString(), "--parameter", "BroadcastIntervalSeconds=0"));
        parameters.forEach((name, value) -> options.addAll(List.of("--parameter", name + "=" + value)));
        try (GatewayProcess gateway = new GatewayProcess(List.of(), options)) {
            try (FanOut audience = new FanOut(gateway.uri(), gateway.headers(), clients)) {
                audience.broadcast("warm-up", 300);
                FanOut.Result result = audience.broadcast("measured", 300);
                String ideal = latency.isZero() ? "-" : whole(environments * POSTS_IN_FLIGHT * 1000.0 / latency.toMillis());
                table.row(way, Long.toString(latency.toMillis()), Integer.toString(environments), ms(result.millis()),
                        whole(clients / (result.millis() / 1000)), ideal, Integer.toString(result.missed()), Integer.toString(result.duplicates()));
            } catch (RuntimeException e) {
                System.err.println(way + " failed; the gateway's last lines:");
                List<String> lines = gateway.output().lines(line -> true);
                lines.subList(Math.max(0, lines.size() - 30), lines.size()).forEach(System.err::println);
                throw e;
            }
        }
    }

    static boolean commandExists(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.0f", millis);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String whole(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }

    /** The size of a classpath's jars, leaving out those whose file name starts with one of {@code without}. */
    private static long classpathBytes(String classpath, String... without) throws IOException {
        long total = 0;
        for (String entry : classpath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            String name = path.getFileName().toString();
            if (Files.isRegularFile(path) && Arrays.stream(without).noneMatch(name::startsWith)) {
                total += Files.size(path);
            }
        }
        return total;
    }
}
