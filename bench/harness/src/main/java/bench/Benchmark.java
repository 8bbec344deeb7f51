// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.File;
import java.io.IOException;
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

    private static void coldStarts(Scale scale) throws Exception {
        int runs = scale.coldStartRuns();
        String packageName = System.getProperty("bench.package", "com.example");
        String generatedJar = System.getProperty("bench.generatedJar");
        String defaults = System.getProperty("bench.sdkDefaultsJar");
        String archetypeLambda = System.getProperty("bench.archetypeLambdaJar");
        try (LocalAws aws = new LocalAws()) {
            ColdStart coldStart = new ColdStart(System.getProperty("bench.java"), System.getProperty("bench.runnerClasses"), aws.environment());
            double floor = median(coldStart.measure(System.getProperty("bench.floorClasspath"), "bench.FloorHandler", "floor", runs));

            System.out.printf("%n1. Cold start: process start to reply, fresh JVMs, %s, flags %s%n",
                    coldStart.pinned() ? "1 CPU (taskset -c 0)" : "all CPUs (no taskset here)", String.join(" ", ColdStart.LAMBDA_JVM_FLAGS));
            System.out.println("   Every handler does the same JSON work and runs from a shaded jar. Floor: a handler that returns a constant.");
            System.out.println("   (1): clients from builder() with the SDK's defaults. (2): clients built as AWS's archetype-lambda builds them.");
            System.out.printf("   (1) is the median of %d runs. (2) and the generated handler run in turns, (2) then generated, then generated%n", runs);
            System.out.printf("   then (2), %d pairs: generated/(2) is the median of the pairs' ratios, with the lowest and highest ratio.%n", runs);
            Table table = new Table("handler", "floor ms", "(1) SDK defaults ms", "(2) archetype-lambda ms", "generated ms",
                    "generated/(1)", "generated/(2)", "pair ratios low-high");
            for (String[] handler : new String[][] {{"send (echo, Management API)", "send", "SendHandler"},
                    {"$connect (DynamoDB Local)", "connect", "ConnectHandler"}}) {
                double sdkDefaults = median(coldStart.measure(defaults, "bench.defaults." + handler[2], handler[1], runs));
                ColdStart.Comparison pairs = coldStart.compare(
                        new ColdStart.Handler(archetypeLambda, "bench.archetypelambda." + handler[2], handler[1]),
                        new ColdStart.Handler(generatedJar, packageName + ".handler." + handler[2], handler[1]), runs);
                double generated = median(pairs.bMillis());
                table.row(handler[0], ms(floor), ms(sdkDefaults), ms(median(pairs.aMillis())), ms(generated), ratio(generated / sdkDefaults),
                        ratio(median(pairs.ratios())), ratio(Collections.min(pairs.ratios())) + "-" + ratio(Collections.max(pairs.ratios())));
            }
            table.print();
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

    /** What one cold start of each handler loads, the archetype-lambda way against the generated one, by origin. */
    private static void classesLoaded(ColdStart coldStart, String archetypeLambda, String generatedJar, String packageName) throws Exception {
        System.out.println();
        System.out.println("   Classes one cold start loads (-Xlog:class+load), by where they come from: (2) archetype-lambda and generated");
        Table table = new Table("loaded from", "send (2)", "send generated", "$connect (2)", "$connect generated");
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (String[] handler : new String[][] {{"send", "SendHandler"}, {"connect", "ConnectHandler"}}) {
            counts.add(coldStart.classesLoaded(new ColdStart.Handler(archetypeLambda, "bench.archetypelambda." + handler[1], handler[0])));
            counts.add(coldStart.classesLoaded(new ColdStart.Handler(generatedJar, packageName + ".handler." + handler[1], handler[0])));
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
        String runtime = GeneratedProject.lean().functionClasspath();
        sizes.row("if split: send or $default alone", mb(classpathBytes(runtime, "dynamodb-", "nimbus-jose-jwt-")));
        sizes.row("if split: $connect or $disconnect alone", mb(classpathBytes(runtime, "apigatewaymanagementapi-", "nimbus-jose-jwt-")));
        sizes.row("if split: authorizer alone", mb(classpathBytes(runtime, "dynamodb-", "apigatewaymanagementapi-")));
        sizes.print();
    }

    /** ./mvnw -Plocal in the generated project, compiled already: from the command to the banner's last line. */
    private static void gatewayStart(Scale scale) throws Exception {
        Path project = GeneratedProject.lean().directory();
        List<Double> seconds = new ArrayList<>();
        for (int run = 0; run < scale.gatewayStarts(); run++) {
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
        System.out.printf("3. ./mvnw -Plocal, warm (dependencies downloaded, classes compiled): command to banner, median of %d after a warm-up%n",
                seconds.size());
        Table table = new Table("step", "s");
        double banner = median(seconds);
        table.row("banner printed", String.format(Locale.ROOT, "%.2f", banner));
        table.print();
        Targets.add("./mvnw -Plocal warm start to banner", "<= 3 s", String.format(Locale.ROOT, "%.2f s", banner), "-", banner <= 3);
    }

    /** Posts one broadcast function or worker environment has in flight (the generated Delivery's MAX_IN_FLIGHT). */
    private static final int POSTS_IN_FLIGHT = 16;
    private static final int STRAIGHT_POSTS_IN_FLIGHT = 256;

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
        try (GatewayProcess gateway = new GatewayProcess(GeneratedProject.withBroadcast(), List.of("--management-api-latency", latency.toString()));
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
        List<String> options = new ArrayList<>(List.of("--management-api-latency", latency.toString(), "--parameter", "BroadcastIntervalSeconds=0"));
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
