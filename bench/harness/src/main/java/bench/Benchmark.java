package bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark of bench/run: cold starts beside the floor and the naive way, artifact sizes, and
 * (with the local gateway) echo throughput and broadcast fan-out beside their plain limits.
 * Everything is configured with system properties that bench/run sets.
 */
public final class Benchmark {

    static final ExecutorService THREADS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "bench-client");
        thread.setDaemon(true);
        return thread;
    });

    public static void main(String[] args) throws Exception {
        int runs = Integer.getInteger("bench.runs", 7);
        String packageName = System.getProperty("bench.package", "com.example");
        String generatedJar = System.getProperty("bench.generatedJar");

        System.out.printf("Machine: %d CPUs, %s %s, Java %s%n%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.version());

        try (LocalAws aws = new LocalAws()) {
            Map<String, String> environment = Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "AKIDBENCH",
                    "AWS_SECRET_ACCESS_KEY", "bench",
                    "CALLBACK_URL", aws.callbackUrl(),
                    "CONNECTIONS_TABLE", LocalAws.TABLE,
                    "AWS_ENDPOINT_URL_DYNAMODB", aws.dynamoDbEndpoint());
            ColdStart coldStart = new ColdStart(System.getProperty("bench.java"), System.getProperty("bench.runnerClasses"), environment);
            String naive = System.getProperty("bench.naiveClasspath");
            String floor = System.getProperty("bench.floorClasspath");

            double floorMillis = median(coldStart.measure(floor, "bench.FloorHandler", "floor", runs));
            double naiveSend = median(coldStart.measure(naive, "bench.naive.NaiveSendHandler", "send", runs));
            double generatedSend = median(coldStart.measure(generatedJar, packageName + ".handler.SendHandler", "send", runs));
            double naiveConnect = median(coldStart.measure(naive, "bench.naive.NaiveConnectHandler", "connect", runs));
            double generatedConnect = median(coldStart.measure(generatedJar, packageName + ".handler.ConnectHandler", "connect", runs));

            System.out.printf("1. Cold start: process start to reply, median of %d fresh JVMs, %s, flags %s%n",
                    runs, coldStart.pinned() ? "1 CPU (taskset -c 0)" : "all CPUs (no taskset here)", String.join(" ", ColdStart.LAMBDA_JVM_FLAGS));
            Table table = new Table("handler", "floor ms", "naive ms", "generated ms", "generated/naive", "generated/floor");
            table.row("send (echo, Management API)", ms(floorMillis), ms(naiveSend), ms(generatedSend),
                    ratio(generatedSend / naiveSend), ratio(generatedSend / floorMillis));
            table.row("$connect (DynamoDB Local)", ms(floorMillis), ms(naiveConnect), ms(generatedConnect),
                    ratio(generatedConnect / naiveConnect), ratio(generatedConnect / floorMillis));
            table.print();
        }

        System.out.println();
        System.out.println("2. Artifact size (what ./mvnw package builds; sam build deploys the same classes and jars)");
        Table sizes = new Table("artifact", "MB");
        sizes.row("generated, shared by every function", mb(Files.size(Path.of(generatedJar))));
        sizes.row("naive send: handler + SDK defaults", mb(classpathBytes(System.getProperty("bench.naiveClasspath"))));
        String runtime = System.getProperty("bench.generatedRuntimeClasspath");
        sizes.row("if split: send or $default alone", mb(classpathBytes(runtime, "dynamodb-", "nimbus-jose-jwt-")));
        sizes.row("if split: $connect or $disconnect alone", mb(classpathBytes(runtime, "apigatewaymanagementapi-", "nimbus-jose-jwt-")));
        sizes.row("if split: broadcast alone", mb(classpathBytes(runtime, "nimbus-jose-jwt-")));
        sizes.row("if split: authorizer alone", mb(classpathBytes(runtime, "dynamodb-", "apigatewaymanagementapi-")));
        sizes.print();

        localGatewaySections(packageName);
        System.exit(0);
    }

    /** Sections 3 and 4, through the generated project's local gateway (./mvnw -Plocal). */
    private static void localGatewaySections(String packageName) throws Exception {
        int clients = Integer.getInteger("bench.echoClients", 50);
        int messages = Integer.getInteger("bench.echoMessages", 1000);
        String message = "{\"message\": \"send\", \"body\": \"Hello World!\"}";

        EchoLoad.Result gatewayEcho;
        try (ServerProcess gateway = startGateway(packageName)) {
            Gateway local = Gateway.from(gateway);
            gatewayEcho = EchoLoad.run(local.uri(), local.headers(), message, clients, messages);
        }
        EchoLoad.Result plainEcho;
        try (ServerProcess plain = new ServerProcess(List.of(System.getProperty("bench.java"), "-cp",
                System.getProperty("java.class.path"), "bench.PlainEchoServer"))) {
            String port = plain.await(line -> line.startsWith("Listening on ")).substring("Listening on ".length());
            plainEcho = EchoLoad.run(URI.create("ws://localhost:" + port), Map.of(), message, clients, messages);
        }
        System.out.println();
        System.out.printf("3. Local echo: %d clients x %d messages each, one at a time per client%n", clients, messages);
        Table echo = new Table("server", "messages/s", "p50 ms", "p99 ms", "throughput ratio");
        echo.row("-Plocal gateway (send handler, Management API)", whole(gatewayEcho.messagesPerSecond()),
                ratio(gatewayEcho.p50Millis()), ratio(gatewayEcho.p99Millis()), ratio(gatewayEcho.messagesPerSecond() / plainEcho.messagesPerSecond()));
        echo.row("plain Jetty echo (the limit)", whole(plainEcho.messagesPerSecond()),
                ratio(plainEcho.p50Millis()), ratio(plainEcho.p99Millis()), "1.00");
        echo.print();

        int fanOut = Integer.getInteger("bench.fanOut", 1000);
        double handlerMillis;
        double directMillis;
        try (ServerProcess gateway = startGateway(packageName)) {
            Gateway local = Gateway.from(gateway);
            try (FanOut connections = new FanOut(local.uri(), local.headers(), fanOut)) {
                List<String> connectionIds = gateway.awaitAll(line -> line.startsWith("[ConnectFunction] Connected "), fanOut)
                        .stream().map(line -> line.substring("[ConnectFunction] Connected ".length())).toList();
                connections.broadcast();
                handlerMillis = median(List.of(connections.broadcast(), connections.broadcast(), connections.broadcast()));
                directMillis = median(List.of(connections.postDirectly(local.callbackUrl(), connectionIds),
                        connections.postDirectly(local.callbackUrl(), connectionIds), connections.postDirectly(local.callbackUrl(), connectionIds)));
            }
        }
        System.out.println();
        System.out.printf("4. Broadcast fan-out to %d connections: until every client has the message, median of 3 after a warm-up%n", fanOut);
        Table broadcast = new Table("way", "ms", "limit/this");
        broadcast.row("broadcast handler (scan + bounded concurrent posts)", ms(handlerMillis), ratio(directMillis / handlerMillis));
        broadcast.row("straight POSTs to the Management API, all at once (the limit)", ms(directMillis), "1.00");
        broadcast.print();
    }

    private static ServerProcess startGateway(String packageName) throws Exception {
        Path project = Path.of(System.getProperty("bench.generatedProject"));
        return new ServerProcess(List.of(System.getProperty("bench.java"),
                "-Dlocal.port=0",
                "-Dlocal.template=" + project.resolve("template.yaml"),
                "-Dsqlite4java.library.path=" + project.resolve("target/native-libs"),
                "-cp", System.getProperty("bench.gatewayClasspath"),
                packageName + ".local.LocalGateway"));
    }

    /** What the gateway's banner says. */
    private record Gateway(URI uri, String apiKey, String token) {

        static Gateway from(ServerProcess gateway) throws InterruptedException {
            String uri = gateway.await(line -> line.startsWith("Local WebSocket API: ")).substring("Local WebSocket API: ".length());
            String apiKey = gateway.await(line -> line.startsWith("API key: ")).substring("API key: ".length());
            String token = gateway.await(line -> line.startsWith("Token: ")).substring("Token: ".length());
            return new Gateway(URI.create(uri), apiKey, token);
        }

        Map<String, String> headers() {
            return token.equals("none") ? Map.of("x-api-key", apiKey) : Map.of("x-api-key", apiKey, "Authorization", "Bearer " + token);
        }

        String callbackUrl() {
            return uri.toString().replace("ws://", "http://") + "/prod";
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
