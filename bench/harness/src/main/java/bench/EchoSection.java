// SPDX-License-Identifier: Apache-2.0

package bench;

import dev.websocketkit.local.Handshake;
import dev.websocketkit.local.WebSocketTestClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Section 4: echo round trips through the local gateway's send route with each client users
 * connect with, beside the same clients against a plain Node ws echo server on this machine (the
 * reference); where the gateway's processor time goes per echo; what one post to a connection costs.
 */
final class EchoSection {

    /** What the send route answers to {@link Benchmark#HELLO}: its body, JSON-encoded. */
    static final String REPLY = "\"Hello World!\"";
    /**
     * A warm-up round counts as settled when the JIT compilers and the collector used less than this
     * share of the gateway's processor time in it: the code the timed run uses is compiled.
     */
    private static final double SETTLED_JVM_SHARE = 0.1;
    /** The client of the profiled run: compression would add its own step to both ends of every echo. */
    private static final EchoClient PROFILED = EchoClient.WS_PLAIN;

    /** One client kind's runs on one server: loaded ({@code clients} at once) and alone. */
    private record Runs(Echoes loaded, Echoes alone) {
    }

    private final Scale scale;
    private final Map<EchoClient, Runs> gateway = new EnumMap<>(EchoClient.class);
    private final Map<EchoClient, Runs> reference = new EnumMap<>(EchoClient.class);
    private final Map<EchoClient, GatewayProcess.CpuUsage> cpuPerEcho = new EnumMap<>(EchoClient.class);
    private final Map<EchoClient, Integer> warmUpRounds = new EnumMap<>(EchoClient.class);
    private Map<EchoStep, Long> profile;
    private GatewayProcess.CpuUsage profiledCpuPerEcho;
    private PostCosts posts;

    private EchoSection(Scale scale) {
        this.scale = scale;
    }

    static void run(Scale scale) throws Exception {
        EchoSection section = new EchoSection(scale);
        section.measureGateway();
        section.measureReference();
        section.print();
        section.addTargets();
        section.requireEveryReply();
    }

    private void measureGateway() throws Exception {
        try (GatewayProcess local = new GatewayProcess()) {
            for (EchoClient client : EchoClient.values()) {
                warmUpRounds.put(client, warmUp(local, client));
                GatewayProcess.CpuUsage before = local.cpuUsage();
                Echoes loaded = client.run(local.uri(), local.headers(), Benchmark.HELLO, REPLY, scale.echoClients(), scale.echoMessages());
                cpuPerEcho.put(client, local.cpuUsage().perEchoSince(before, loaded.received()));
                gateway.put(client, new Runs(loaded, client.run(local.uri(), local.headers(), Benchmark.HELLO, REPLY, 1, scale.echoMessages())));
            }
            GatewayProcess.CpuUsage before = local.cpuUsage();
            local.startProfile();
            Echoes profiled = PROFILED.run(local.uri(), local.headers(), Benchmark.HELLO, REPLY, scale.echoClients(), scale.echoMessages());
            profile = local.stopProfile();
            profiledCpuPerEcho = local.cpuUsage().perEchoSince(before, profiled.received());
            int skipped = local.output().lineCount();
            try (WebSocketTestClient listener = Handshake.to(local.uri()).apiKey(local.apiKey()).bearerToken(local.token()).connect()) {
                String connectionId = ConnectLog.connectionId(local.output().awaitAfter(skipped, ConnectLog::isConnected)).orElseThrow();
                posts = PostCosts.measure(local, connectionId, scale.postCalls());
            }
        }
    }

    /**
     * Rounds of untimed echoes until one settles ({@link #SETTLED_JVM_SHARE}), or up to the scale's
     * limit: the first client's run would otherwise pay for compiling the gateway's and the
     * functions' code, and its figures would not compare with the others'. Returns the rounds run.
     */
    private int warmUp(GatewayProcess local, EchoClient client) throws Exception {
        int rounds = 0;
        GatewayProcess.CpuUsage round;
        do {
            GatewayProcess.CpuUsage before = local.cpuUsage();
            Echoes echoes = client.run(local.uri(), local.headers(), Benchmark.HELLO, REPLY, scale.echoClients(), scale.echoWarmUpMessages());
            round = local.cpuUsage().perEchoSince(before, echoes.received());
            rounds++;
        } while (rounds < scale.echoWarmUpRounds() && round.jvmNanos() > SETTLED_JVM_SHARE * round.processNanos());
        return rounds;
    }

    private void measureReference() throws Exception {
        Path script = Path.of(System.getProperty("bench.nodeScripts"), "echo-server.mjs");
        try (ServerProcess server = new ServerProcess(List.of(System.getProperty("bench.node"), script.toString()))) {
            URI uri = URI.create("ws://127.0.0.1:" + server.await(line -> line.startsWith("Listening on ")).substring("Listening on ".length()));
            for (EchoClient client : EchoClient.values()) {
                client.run(uri, Map.of(), Benchmark.HELLO, REPLY, scale.echoClients(), scale.echoWarmUpMessages());
                reference.put(client, new Runs(client.run(uri, Map.of(), Benchmark.HELLO, REPLY, scale.echoClients(), scale.echoMessages()),
                        client.run(uri, Map.of(), Benchmark.HELLO, REPLY, 1, scale.echoMessages())));
            }
        }
    }

    private void print() {
        System.out.println();
        System.out.printf("4. Local echo: %d clients x %d messages each, one at a time per client, and one client alone; reference: a plain Node ws echo server%n",
                scale.echoClients(), scale.echoMessages());
        Table echo = new Table("client", "gateway msg/s", "p50 ms", "p99 ms", "reference msg/s", "p50 ms", "p99 ms", "ratio to reference",
                "alone: gateway p50 ms", "alone: reference p50 ms", "missing");
        for (EchoClient client : EchoClient.values()) {
            Echoes local = gateway.get(client).loaded();
            Echoes plain = reference.get(client).loaded();
            echo.row(client.label(), Benchmark.whole(local.messagesPerSecond()), Benchmark.ratio(local.p50Millis()), Benchmark.ratio(local.p99Millis()),
                    Benchmark.whole(plain.messagesPerSecond()), Benchmark.ratio(plain.p50Millis()), Benchmark.ratio(plain.p99Millis()),
                    Benchmark.ratio(local.messagesPerSecond() / plain.messagesPerSecond()),
                    Benchmark.ratio(gateway.get(client).alone().p50Millis()), Benchmark.ratio(reference.get(client).alone().p50Millis()),
                    Long.toString(missing(gateway.get(client)) + missing(reference.get(client))));
        }
        echo.print();

        System.out.println();
        System.out.println("   Processor time of the gateway's JVM per echo, in the loaded runs above: the functions' (their handlers and the threads");
        System.out.println("   they started: LocalGateway.handlerCpuTime()), the JVM's JIT compilers and garbage collector (/proc), and the gateway's own;");
        System.out.println("   and how many times per echo the gateway's own threads (gateway-*: its server's, its log writer) were switched out (/proc)");
        System.out.printf(Locale.ROOT, "   Each loaded run came after untimed rounds of %d clients x %d messages, until the JIT and the collector took under %.0f%%%n",
                scale.echoClients(), scale.echoWarmUpMessages(), SETTLED_JVM_SHARE * 100);
        System.out.printf("   of the processor time of a round (at most %d rounds)%n", scale.echoWarmUpRounds());
        Table cpu = new Table("client", "warm-up rounds", "process us", "functions us", "of it, threads they started us", "JIT and GC us",
                "gateway's own us", "gateway's own share", "gateway's threads switched out");
        cpuPerEcho.forEach((client, used) -> cpu.row(client.label(), Integer.toString(warmUpRounds.get(client)), Benchmark.whole(used.processNanos() / 1e3),
                Benchmark.whole(used.functionNanos() / 1e3), Benchmark.whole(used.startedThreadNanos() / 1e3),
                used.jvmNanos() < 0 ? "-" : Benchmark.whole(used.jvmNanos() / 1e3),
                Benchmark.whole(used.gatewayNanos() / 1e3), Benchmark.ratio((double) used.gatewayNanos() / used.processNanos()),
                used.gatewaySwitches() < 0 ? "-" : Benchmark.ratio(used.gatewaySwitches())));
        cpu.print();
        printProfile();

        System.out.println();
        System.out.printf("   What one post to a connection costs, one call at a time against the same gateway (median of %,d):%n", scale.postCalls());
        Table steps = new Table("step", "us per call");
        steps.row("sign a PostToConnection request (SDK signer only, no I/O)", Benchmark.whole(posts.signMicros()));
        steps.row("plain HTTP POST to the Management API (HttpURLConnection, kept alive)", Benchmark.whole(posts.rawPostMicros()));
        steps.row("the same POST, body streamed after the headers as the SDK sends it", Benchmark.whole(posts.streamedPostMicros()));
        steps.row("SDK postToConnection, the URL connection client as it comes (body streamed)", Benchmark.whole(posts.sdkStreamedPostMicros()));
        steps.row("SDK postToConnection as the send handler calls it (length left to the JDK)", Benchmark.whole(posts.sdkPostMicros()));
        steps.print();
    }

    /**
     * The profiled run's samples by step, and each step's processor time per echo: its share of the
     * samples times what the JVM's Java threads used per echo (all but the JIT and the collector),
     * except the threads the functions started, read by thread: they wake for a few microseconds at
     * a time, mostly in the kernel and the JVM's own code, where the sampler does not see them.
     */
    private void printProfile() {
        long startedNanos = profiledCpuPerEcho.startedThreadNanos();
        long sampled = profile.entrySet().stream().filter(step -> step.getKey() != EchoStep.FUNCTION_THREADS).mapToLong(Map.Entry::getValue).sum();
        long javaNanos = profiledCpuPerEcho.processNanos() - Math.max(0, profiledCpuPerEcho.jvmNanos()) - startedNanos;
        System.out.println();
        System.out.printf("   Where one echo's processor time goes: a run of %d %s clients x %d messages, sampled every millisecond%n",
                scale.echoClients(), PROFILED.label(), scale.echoMessages());
        System.out.printf("   by Flight Recorder (%,d samples). A step's time is its share of the samples times the JVM's Java threads' time per echo;%n", sampled);
        System.out.println("   the kernel's time in a step (socket reads and writes, wake-ups) is spread over the steps by their share. The threads");
        System.out.println("   the functions started are read by thread instead: they run in bursts of microseconds, which the sampler misses.");
        Table steps = new Table("step", "whose", "share", "us per echo");
        double functionNanos = startedNanos;
        double gatewayNanos = 0;
        long gatewaySamples = 0;
        for (EchoStep step : EchoStep.values()) {
            if (step == EchoStep.FUNCTION_THREADS) {
                steps.row(step.label() + ", by thread", "function", "-", Benchmark.whole(startedNanos / 1e3));
                continue;
            }
            long samples = profile.getOrDefault(step, 0L);
            double nanos = javaNanos * samples / (double) Math.max(1, sampled);
            if (step.isFunction()) {
                functionNanos += nanos;
            } else {
                gatewaySamples += samples;
                gatewayNanos += nanos;
            }
            steps.row(step.label(), step.isFunction() ? "function" : "gateway", Benchmark.ratio((double) samples / Math.max(1, sampled)),
                    Benchmark.whole(nanos / 1e3));
        }
        steps.row("JIT compilers and garbage collector (from /proc, not sampled)", "JVM", "-",
                profiledCpuPerEcho.jvmNanos() < 0 ? "-" : Benchmark.whole(profiledCpuPerEcho.jvmNanos() / 1e3));
        steps.row("all the function's steps", "function", "-", Benchmark.whole(functionNanos / 1e3));
        steps.row("all the gateway's steps", "gateway", Benchmark.ratio((double) gatewaySamples / Math.max(1, sampled)), Benchmark.whole(gatewayNanos / 1e3));
        steps.print();
        System.out.printf("   Measured by thread in the same run: functions %s us (of which the threads they started %s us), gateway's own %s us per echo%n",
                Benchmark.whole(profiledCpuPerEcho.functionNanos() / 1e3), Benchmark.whole(startedNanos / 1e3),
                Benchmark.whole(profiledCpuPerEcho.gatewayNanos() / 1e3));
    }

    private void addTargets() {
        for (EchoClient client : EchoClient.values()) {
            Echoes local = gateway.get(client).loaded();
            Echoes plain = reference.get(client).loaded();
            double ratio = local.messagesPerSecond() / plain.messagesPerSecond();
            Targets.add(String.format("echo, %d clients x %d messages, %s", scale.echoClients(), scale.echoMessages(), client.label()),
                    ">= 0.33 x a minimal echo server, p50 <= 3 ms",
                    String.format(Locale.ROOT, "%.2f x, p50 %.1f ms", ratio, local.p50Millis()),
                    String.format(Locale.ROOT, "%,.0f msg/s, p50 %.1f ms", plain.messagesPerSecond(), plain.p50Millis()),
                    ratio >= 0.33 && local.p50Millis() <= 3);
            GatewayProcess.CpuUsage used = cpuPerEcho.get(client);
            Targets.add("the gateway's own processor time per echo, " + client.label(), "<= 150 us",
                    Benchmark.whole(used.gatewayNanos() / 1e3) + " us",
                    "the functions' " + Benchmark.whole(used.functionNanos() / 1e3) + " us", used.gatewayNanos() <= 150_000);
        }
    }

    private static long missing(Runs runs) {
        return runs.loaded().missing() + runs.alone().missing();
    }

    private void requireEveryReply() {
        for (EchoClient client : EchoClient.values()) {
            for (Map.Entry<String, Runs> server : Map.of("gateway", gateway.get(client), "reference", reference.get(client)).entrySet()) {
                for (Echoes echoes : List.of(server.getValue().loaded(), server.getValue().alone())) {
                    scale.requireAll("echo, " + client.label() + ", " + server.getKey() + ": right replies", echoes.expected(), echoes.received() - echoes.wrong());
                }
            }
        }
    }
}
