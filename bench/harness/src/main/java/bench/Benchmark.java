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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark of bench/run: cold starts beside the floor and two baselines, SnapStart priming, artifact sizes, the
 * local gateway's start, echo round trips with the clients users have beside a plain Node ws echo
 * server, a burst and a ramp of a thousand clients, and broadcast fan-out. Configured with system
 * properties that bench/run sets; {@code bench.sections} picks sections, {@code bench.smoke} makes
 * every count tiny ({@link Scale}).
 *
 * <p>Any failure ends the JVM with status 1 at once, after killing every process it started: a
 * section that throws must not leave gateways or Node processes running, nor a JVM that waits for
 * them.
 */
public final class Benchmark {

    static final String HELLO = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

    static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-client");
        thread.setDaemon(true);
        return thread;
    });

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessTree::killDescendantsOfThisProcess, "bench-stop"));
        int status = 0;
        try {
            run(Scale.fromSystemProperties(), Set.of(System.getProperty("bench.sections", "coldstart,size,start,echo,load,broadcast").split(",")));
        } catch (Throwable failure) {
            System.out.flush();
            System.err.println("bench failed:");
            failure.printStackTrace();
            status = 1;
        } finally {
            ProcessTree.killDescendantsOfThisProcess();
            System.out.flush();
            System.err.flush();
            // Not System.exit: no shutdown hook nor leftover non-daemon thread can hold the JVM up.
            Runtime.getRuntime().halt(status);
        }
    }

    private static void run(Scale scale, Set<String> sections) throws Exception {
        System.out.printf("Machine: %d CPUs, %s %s, Java %s%s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version(),
                scale.smoke() ? "; SMOKE RUN: tiny counts, the figures mean nothing" : "");
        if (sections.contains("coldstart")) {
            coldStarts(scale);
        }
        if (sections.contains("size")) {
            artifactSizes();
        }
        if (sections.contains("start")) {
            gatewayStart(scale);
        }
        if (sections.contains("echo")) {
            EchoSection.run(scale);
        }
        if (sections.contains("load")) {
            LoadSection.run(scale);
        }
        if (sections.contains("broadcast")) {
            broadcast(scale);
        }
        Targets.print();
    }

    /** The handlers of the cold start section: label, event kind, class name. */
    private static final String[][] HANDLERS = {{"send (echo, Management API)", "send", "SendHandler"},
            {"$connect (DynamoDB Local)", "connect", "ConnectHandler"}};

    /** Two runs of a comparison agree when their medians differ by at most this share. */
    static final double STABLE_WITHIN = 0.05;

    private static void coldStarts(Scale scale) throws Exception {
        int runs = scale.coldStartRuns();
        int pairs = scale.coldStartPairs();
        String packageName = System.getProperty("bench.package", "com.example");
        String generatedJar = System.getProperty("bench.generatedJar");
        String defaults = System.getProperty("bench.sdkDefaultsJar");
        String archetypeLambda = System.getProperty("bench.archetypeLambdaJar");
        String runnerClasspath = System.getProperty("bench.runnerClasses") + File.pathSeparator + System.getProperty("bench.runtimeClasspath");
        try (LocalAws aws = new LocalAws()) {
            ColdStart coldStart = new ColdStart(System.getProperty("bench.java"), runnerClasspath, aws.environment());
            ColdStart.Handler floorHandler = new ColdStart.Handler(System.getProperty("bench.floorClasspath"), "bench.FloorHandler", "floor");
            coldStart.warmUp(floorHandler);
            double floor = median(coldStart.measure(floorHandler.classpath(), floorHandler.handlerClass(), "floor", runs));

            System.out.printf("%n1. Cold start: process start to reply, fresh JVMs, %s, flags %s%n",
                    coldStart.pinned() ? "1 CPU (taskset -c 0)" : "all CPUs (no taskset here)", String.join(" ", ColdStart.LAMBDA_JVM_FLAGS));
            System.out.println("   Every handler does the same JSON work and runs from a shaded jar, under Lambda's Java runtime's logger and context");
            System.out.println("   (AWS_LAMBDA_LOG_FORMAT=JSON, as the template sets). Floor: a handler that returns a constant.");
            System.out.println("   (1): clients from builder() with the SDK's defaults. (2): clients built as AWS's archetype-lambda builds them.");
            System.out.printf("   Floor and (1): median of %d runs. (2) and the generated handler: %d pairs run in turns, (2) then generated,%n", runs, pairs);
            System.out.println("   then generated then (2), after one untimed run of each; every pair counts. generated/(2) is the median of the");
            System.out.println("   pairs' ratios with its 95% confidence interval (order statistics), of wall time and of processor time");
            System.out.println("   (CPU: user + system, all the JVM's threads, from /proc), which other load on the machine disturbs less.");
            List<Map<String, MedianInterval[]>> repetitions = new ArrayList<>();
            for (int repetition = 1; repetition <= scale.coldStartRepeats(); repetition++) {
                // A check of the check: in the last repetition the generated handler is made slower on purpose (bench.skewMillis).
                int skew = repetition > 1 && repetition == scale.coldStartRepeats() ? Integer.getInteger("bench.skewMillis", 0) : 0;
                if (scale.coldStartRepeats() > 1) {
                    System.out.printf("   Run %d of %d%s%n", repetition, scale.coldStartRepeats(),
                            skew > 0 ? ", the generated handler slowed by " + skew + " ms of processor time on purpose (BENCH_SKEW_MS)" : "");
                }
                Table table = new Table("handler", "floor ms", "(1) SDK defaults ms", "(2) archetype-lambda ms", "generated ms",
                        "generated/(1)", "generated/(2), 95% CI", "CPU (2) ms", "CPU generated ms", "CPU generated/(2), 95% CI");
                Map<String, MedianInterval[]> medians = new LinkedHashMap<>();
                for (String[] handler : HANDLERS) {
                    double sdkDefaults = median(coldStart.measure(defaults, "bench.defaults." + handler[2], handler[1], runs));
                    ColdStart.Comparison compared = coldStart.compare(
                            new ColdStart.Handler(archetypeLambda, "bench.archetypelambda." + handler[2], handler[1]),
                            new ColdStart.Handler(generatedJar, packageName + ".handler." + handler[2], handler[1]).slowedBy(skew), pairs);
                    double generated = median(ColdStart.Comparison.wall(compared.b()));
                    MedianInterval wall = MedianInterval.of(compared.wallRatios());
                    MedianInterval cpu = MedianInterval.of(compared.cpuRatios());
                    medians.put(handler[0], new MedianInterval[] {wall, cpu});
                    table.row(handler[0], ms(floor), ms(sdkDefaults), ms(median(ColdStart.Comparison.wall(compared.a()))), ms(generated),
                            ratio(generated / sdkDefaults), wall.ratio(), ms(median(ColdStart.Comparison.cpu(compared.a()))),
                            ms(median(ColdStart.Comparison.cpu(compared.b()))), cpu.ratio());
                }
                table.print();
                repetitions.add(medians);
            }
            if (repetitions.size() > 1) {
                stability(repetitions);
            }
            logsAndMetrics(coldStart, generatedJar, packageName, pairs);
            classesLoaded(coldStart, archetypeLambda, generatedJar, packageName);

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

    /**
     * The stability check (bench.repeat of 2 or more): each repetition's median of generated/(2), of
     * wall and of processor time, beside the first's, and whether they agree within {@link #STABLE_WITHIN}.
     */
    private static void stability(List<Map<String, MedianInterval[]>> repetitions) {
        System.out.println();
        System.out.printf("   Stability: generated/(2) in each run above, and how far each run's median is from run 1's (they agree when within %.0f%%)%n",
                STABLE_WITHIN * 100);
        Table table = new Table("handler", "time", "run 1", "run", "that run", "difference", "agree within 5%");
        for (String handler : repetitions.get(0).keySet()) {
            for (int kind = 0; kind < 2; kind++) {
                MedianInterval first = repetitions.get(0).get(handler)[kind];
                for (int repetition = 1; repetition < repetitions.size(); repetition++) {
                    MedianInterval other = repetitions.get(repetition).get(handler)[kind];
                    double difference = (other.median() - first.median()) / first.median();
                    table.row(handler, kind == 0 ? "wall" : "CPU", first.ratio(), Integer.toString(repetition + 1), other.ratio(),
                            String.format(Locale.ROOT, "%+.1f%%", difference * 100), Math.abs(difference) <= STABLE_WITHIN ? "yes" : "NO");
                }
            }
        }
        table.print();
    }

    /**
     * The generated handlers with their logs and metrics written other ways, each against the generated
     * handler in alternating pairs, and the size of each one's jar.
     */
    private static void logsAndMetrics(ColdStart coldStart, String generatedJar, String packageName, int pairs) throws Exception {
        String[][] variants = {
                {"Powertools v2: its metrics module; logs through SLF4J and log4j2 JsonTemplateLayout", System.getProperty("bench.powertoolsJar")},
                {"Lambda's JSON log format: the runtime's LambdaLogger, EMF as generated", System.getProperty("bench.lambdaJsonLogJar")}};
        System.out.println();
        System.out.println("   Logs and metrics: the generated handlers, their observability package replaced, against the generated handler");
        System.out.printf("   (JSON lines and one EMF document an invocation, written by its own Json class), %d pairs in turns each, after one%n", pairs);
        System.out.println("   untimed run of each; variant/generated is the median of the pairs' ratios with its 95% confidence interval.");
        Table table = new Table("handler", "logs and metrics", "jar MB", "generated ms", "variant ms", "variant/generated, 95% CI",
                "CPU generated ms", "CPU variant ms", "CPU variant/generated, 95% CI");
        for (String[] handler : HANDLERS) {
            ColdStart.Handler generated = new ColdStart.Handler(generatedJar, packageName + ".handler." + handler[2], handler[1]);
            table.row(handler[0], "generated: hand-written, no library", mb(Files.size(Path.of(generatedJar))), "", "", "", "", "", "");
            for (String[] variant : variants) {
                ColdStart.Comparison compared = coldStart.compare(generated,
                        new ColdStart.Handler(variant[1], packageName + ".handler." + handler[2], handler[1]), pairs);
                table.row(handler[0], variant[0], mb(Files.size(Path.of(variant[1]))),
                        ms(median(ColdStart.Comparison.wall(compared.a()))), ms(median(ColdStart.Comparison.wall(compared.b()))),
                        MedianInterval.of(compared.wallRatios()).ratio(),
                        ms(median(ColdStart.Comparison.cpu(compared.a()))), ms(median(ColdStart.Comparison.cpu(compared.b()))),
                        MedianInterval.of(compared.cpuRatios()).ratio());
            }
        }
        table.print();
    }

    /** What one cold start of each handler loads, by origin: the archetype-lambda way, the generated one, and its logs and metrics variants. */
    private static void classesLoaded(ColdStart coldStart, String archetypeLambda, String generatedJar, String packageName) throws Exception {
        System.out.println();
        System.out.println("   Classes one cold start loads (-Xlog:class+load), by where they come from: (2) archetype-lambda, generated,");
        System.out.println("   and generated with Powertools v2's metrics and log4j2 (PT) or with Lambda's JSON log format (JSON)");
        Table table = new Table("loaded from", "send (2)", "send generated", "send PT", "send JSON",
                "$connect (2)", "$connect generated", "$connect PT", "$connect JSON");
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (String[] handler : new String[][] {{"send", "SendHandler"}, {"connect", "ConnectHandler"}}) {
            counts.add(coldStart.classesLoaded(new ColdStart.Handler(archetypeLambda, "bench.archetypelambda." + handler[1], handler[0])));
            for (String jar : List.of(generatedJar, System.getProperty("bench.powertoolsJar"), System.getProperty("bench.lambdaJsonLogJar"))) {
                counts.add(coldStart.classesLoaded(new ColdStart.Handler(jar, packageName + ".handler." + handler[1], handler[0])));
            }
        }
        Set<String> origins = new TreeSet<>();
        counts.forEach(count -> origins.addAll(count.keySet()));
        for (String origin : origins) {
            List<String> row = new ArrayList<>(List.of(origin));
            counts.forEach(count -> row.add(String.valueOf(count.getOrDefault(origin, 0))));
            table.row(row.toArray(String[]::new));
        }
        List<String> total = new ArrayList<>(List.of("all"));
        counts.forEach(count -> total.add(String.valueOf(count.values().stream().mapToInt(Integer::intValue).sum())));
        table.row(total.toArray(String[]::new));
        table.print();
    }

    private static void artifactSizes() throws IOException {
        String generatedJar = System.getProperty("bench.generatedJar");
        System.out.println();
        System.out.println("2. Artifact size (what ./mvnw package builds; sam build deploys the same classes and jars)");
        Table sizes = new Table("artifact", "MB");
        sizes.row("generated, shared by every function", mb(Files.size(Path.of(generatedJar))));
        sizes.row("(1) SDK defaults: send and $connect", mb(Files.size(Path.of(System.getProperty("bench.sdkDefaultsJar")))));
        sizes.row("(2) archetype-lambda: send and $connect", mb(Files.size(Path.of(System.getProperty("bench.archetypeLambdaJar")))));
        sizes.row("generated, metrics through Powertools v2, logs through log4j2", mb(Files.size(Path.of(System.getProperty("bench.powertoolsJar")))));
        sizes.row("generated, logs through Lambda's JSON log format", mb(Files.size(Path.of(System.getProperty("bench.lambdaJsonLogJar")))));
        String runtime = GeneratedProject.lean().functionClasspath();
        sizes.row("if split: send or $default alone", mb(classpathBytes(runtime, "dynamodb-", "nimbus-jose-jwt-")));
        sizes.row("if split: $connect or $disconnect alone", mb(classpathBytes(runtime, "apigatewaymanagementapi-", "nimbus-jose-jwt-")));
        sizes.row("if split: authorizer alone", mb(classpathBytes(runtime, "dynamodb-", "apigatewaymanagementapi-")));
        sizes.print();
    }

    /**
     * ./mvnw -Plocal in the generated project, compiled already: from the command to the banner's last
     * line, and to the echo of a client that connects as the banner appears (the functions initialise
     * after the banner, so that is when the API first answers); beside them, in the same runs and in
     * turns with them, ./mvnw compile alone, which is Maven's own share of that start (its JVM, the
     * project's model and dependencies, the build steps before the gateway's), so that the rest is the
     * plugin's and the gateway's; and the banner of a gateway's JVM that neither has nor writes a
     * class-data archive, which the plugin's archive saves.
     */
    private static void gatewayStart(Scale scale) throws Exception {
        Path project = GeneratedProject.lean().directory();
        List<Double> banners = new ArrayList<>();
        List<Double> firstEchoes = new ArrayList<>();
        List<Double> compiles = new ArrayList<>();
        List<Double> unarchivedBanners = new ArrayList<>();
        List<String> withoutArchive = List.of("-Dlocal.classDataArchive=" + project.resolve("target/bench-without-archive/gateway.jsa"),
                "-Dlocal.jvmArgs=-XX:-AutoCreateSharedArchive");
        for (int run = 0; run < scale.gatewayStarts(); run++) {
            StartTimes start = timeStart(project, List.of());
            double compile = secondsToCompile(project);
            StartTimes unarchived = timeStart(project, withoutArchive);
            if (run > 0) {
                banners.add(start.banner());
                firstEchoes.add(start.firstEcho());
                compiles.add(compile);
                unarchivedBanners.add(unarchived.banner());
            }
        }
        System.out.println();
        System.out.printf("3. ./mvnw -Plocal, warm (dependencies downloaded, classes compiled): command to banner, and to the echo of a client%n"
                + "   that connects as the banner appears, median of %d after a warm-up, beside ./mvnw compile with nothing to compile%n"
                + "   (Maven's own share), and beside the banner of a gateway's JVM without its class-data archive, run in turns with them%n", banners.size());
        Table table = new Table("step", "s");
        double banner = median(banners);
        double firstEcho = median(firstEchoes);
        double maven = median(compiles);
        double unarchived = median(unarchivedBanners);
        table.row("banner printed", String.format(Locale.ROOT, "%.2f", banner));
        table.row("banner printed, the gateway's JVM without its class-data archive", String.format(Locale.ROOT, "%.2f", unarchived));
        table.row("first echo: its handshake, message and reply", String.format(Locale.ROOT, "%.2f", firstEcho));
        table.row("./mvnw compile alone (Maven's own share)", String.format(Locale.ROOT, "%.2f", maven));
        table.row("the rest: the plugin and the gateway's JVM", String.format(Locale.ROOT, "%.2f", banner - maven));
        table.print();
        Targets.add("./mvnw -Plocal warm start to banner", "<= 3 s", String.format(Locale.ROOT, "%.2f s", banner),
                String.format(Locale.ROOT, "Maven alone %.2f s; without the class-data archive %.2f s; first echo %.2f s", maven, unarchived, firstEcho),
                banner <= 3);
    }

    /** Seconds from the command to the banner, and to the first echo. */
    private record StartTimes(double banner, double firstEcho) {
    }

    /** @param options more options of ./mvnw -Plocal */
    private static StartTimes timeStart(Path project, List<String> options) throws Exception {
        long began = System.nanoTime();
        StartTimes seconds;
        List<String> arguments = new ArrayList<>(List.of("-Plocal", "-Dlocal.port=0"));
        arguments.addAll(options);
        try (ServerProcess maven = new ServerProcess(maven(project, arguments.toArray(String[]::new)))) {
            URI uri = URI.create(bannerValue(maven, "Local WebSocket API: "));
            String apiKey = bannerValue(maven, "API key: ");
            String token = bannerValue(maven, "Token: ");
            maven.await(line -> line.startsWith("Try: "));
            double banner = (System.nanoTime() - began) / 1e9;
            try (WebSocketTestClient client = Handshake.to(uri).apiKey(apiKey).bearerToken(token).connect()) {
                client.send(HELLO);
                String reply = client.receive();
                if (!reply.equals(EchoSection.REPLY)) {
                    throw new IllegalStateException("The first echo after ./mvnw -Plocal's banner was " + reply + ", not " + EchoSection.REPLY);
                }
            }
            seconds = new StartTimes(banner, (System.nanoTime() - began) / 1e9);
        }
        Thread.sleep(1000);
        return seconds;
    }

    private static String bannerValue(ServerProcess maven, String label) throws InterruptedException {
        return maven.await(line -> line.startsWith(label)).substring(label.length());
    }

    private static double secondsToCompile(Path project) throws Exception {
        long start = System.nanoTime();
        Process maven = maven(project, "compile").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exitCode = maven.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (exitCode != 0) {
            throw new IllegalStateException("./mvnw compile in " + project + " failed with exit code " + exitCode);
        }
        Thread.sleep(1000);
        return seconds;
    }

    private static ProcessBuilder maven(Path project, String... arguments) {
        List<String> command = new ArrayList<>(List.of(project.resolve("mvnw").toString(), "-B", "-q", "-o"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
        builder.environment().put("JAVA_HOME", Path.of(System.getProperty("bench.java")).getParent().getParent().toString());
        return builder;
    }

    /** Posts one broadcast function or worker environment has in flight (the generated Delivery's MAX_IN_FLIGHT). */
    private static final int POSTS_IN_FLIGHT = 16;
    private static final int STRAIGHT_POSTS_IN_FLIGHT = 256;
    /**
     * The audience connects 50 at a time, as fast as the gateway lets it: its connections are not what
     * this section measures, and at API Gateway's 500 a second they would be refused (429).
     */
    private static final List<String> UNLIMITED_NEW_CONNECTIONS = List.of("--new-connections-per-second", "1000000");

    /**
     * One client broadcasts to every other: the broadcast function posting alone, then fanning out
     * through SQS to 2, 4 and 10 workers, against a Management API as slow as API Gateway's; then
     * the limit, the same posts sent straight to the Management API. The ideal is what that many
     * posts in flight could do at that latency.
     */
    private static void broadcast(Scale scale) throws Exception {
        int clients = scale.fanOut();
        Duration latency = Duration.parse(System.getProperty("bench.managementApiLatency", "PT0.03S"));
        System.out.println();
        System.out.printf("6. Broadcast to %d connections on the local gateway, until every client has it (after a warm-up broadcast)%n", clients);
        Table table = new Table("way", "API latency ms", "environments posting", "ms", "posts/s", "ideal posts/s", "missed", "duplicates");
        Map<String, String> alone = Map.of("BroadcastFanOutThreshold", Integer.toString(clients * 2));
        broadcastRow(scale, table, "broadcast function alone (threshold above the audience)", Duration.ZERO, 1, alone);
        broadcastRow(scale, table, "broadcast function alone (threshold above the audience)", latency, 1, alone);
        for (int workers : List.of(2, 4, 10)) {
            // In a smoke run the audience is below 500: a lower threshold still sends it through the queue.
            broadcastRow(scale, table, "fan-out through SQS, BroadcastWorkers=" + workers, latency, workers,
                    Map.of("BroadcastFanOutThreshold", Integer.toString(Math.min(500, clients / 2)), "BroadcastWorkers", Integer.toString(workers)));
        }
        for (Duration delay : List.of(Duration.ZERO, latency)) {
            straightPostsRow(scale, table, delay);
        }
        table.print();
    }

    /** The limit: the same posts sent by the benchmark itself, {@value #STRAIGHT_POSTS_IN_FLIGHT} at a time. */
    private static void straightPostsRow(Scale scale, Table table, Duration latency) throws Exception {
        int clients = scale.fanOut();
        List<String> options = new ArrayList<>(UNLIMITED_NEW_CONNECTIONS);
        options.addAll(List.of("--management-api-latency", latency.toString()));
        try (GatewayProcess gateway = new GatewayProcess(GeneratedProject.withBroadcast(), options);
             FanOut audience = new FanOut(gateway.uri(), gateway.headers(), clients)) {
            List<String> connectionIds = gateway.output().awaitAll(ConnectLog::isConnected, clients).stream()
                    .map(line -> ConnectLog.connectionId(line).orElseThrow()).toList();
            audience.postDirectly(gateway.callbackUrl(), connectionIds, "warm-up", STRAIGHT_POSTS_IN_FLIGHT);
            FanOut.Result result = audience.postDirectly(gateway.callbackUrl(), connectionIds, "measured", STRAIGHT_POSTS_IN_FLIGHT);
            String ideal = latency.isZero() ? "-" : whole(STRAIGHT_POSTS_IN_FLIGHT * 1000.0 / latency.toMillis());
            table.row("straight POSTs, " + STRAIGHT_POSTS_IN_FLIGHT + " in flight (the limit)", Long.toString(latency.toMillis()), "-",
                    ms(result.millis()), whole(clients / (result.millis() / 1000)), ideal, Integer.toString(result.missed()),
                    Integer.toString(result.duplicates()));
            scale.requireAll("broadcast, straight POSTs: clients reached", clients, clients - result.missed());
        }
    }

    private static void broadcastRow(Scale scale, Table table, String way, Duration latency, int environments,
                                     Map<String, String> parameters) throws Exception {
        int clients = scale.fanOut();
        List<String> options = new ArrayList<>(UNLIMITED_NEW_CONNECTIONS);
        options.addAll(List.of("--management-api-latency", latency.toString(), "--parameter", "BroadcastIntervalSeconds=0"));
        parameters.forEach((name, value) -> options.addAll(List.of("--parameter", name + "=" + value)));
        try (GatewayProcess gateway = new GatewayProcess(GeneratedProject.withBroadcast(), options)) {
            try (FanOut audience = new FanOut(gateway.uri(), gateway.headers(), clients)) {
                audience.broadcast("warm-up", 300);
                FanOut.Result result = audience.broadcast("measured", 300);
                String ideal = latency.isZero() ? "-" : whole(environments * POSTS_IN_FLIGHT * 1000.0 / latency.toMillis());
                table.row(way, Long.toString(latency.toMillis()), Integer.toString(environments), ms(result.millis()),
                        whole(clients / (result.millis() / 1000)), ideal, Integer.toString(result.missed()), Integer.toString(result.duplicates()));
                scale.requireAll("broadcast, " + way + ": clients reached", clients, clients - result.missed());
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
