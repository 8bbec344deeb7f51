// SPDX-License-Identifier: Apache-2.0

package bench;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Section 5: what the local gateway does under the load users bring, from the clients they have:
 * half the clients Node's ws (the library under wscat, offering permessage-deflate as it does by
 * default), half the JDK's {@code java.net.http.WebSocket}, both at once. Each run is on a fresh
 * gateway after a small warm-up load, as on a gateway started for a load test: the JIT has compiled
 * most of the echo's code, not the handshake's, which runs once a connection (docs/performance.md,
 * "Load"). A burst of clients opening within half a second, then a ramp of clients opening at a
 * steady rate, each echoing as soon as it is open.
 */
final class LoadSection {

    /** One kind of client's part of a run, or all of them. */
    private record Part(String clients, Connections connections, Echoes echoes) {
    }

    /** A run: each kind's part, then both together. */
    private record Run(Part node, Part jdk) {

        Part all() {
            return new Part("all", node.connections().plus(jdk.connections()), node.echoes().plus(jdk.echoes()));
        }
    }

    private LoadSection() {
    }

    static void run(Scale scale) throws Exception {
        Run burst = onFreshGateway(scale, scale.burstClients(), scale.burstClients() * 1000 / Scale.BURST_MILLIS, 0);
        Run ramp = onFreshGateway(scale, scale.rampClients(), scale.rampPerSecond(), scale.rampMessages());

        System.out.println();
        System.out.printf("5. Load on the local gateway: half the clients %s, half JDK java.net.http.WebSocket, both at once; each run%n",
                burst.node().clients());
        System.out.printf("   on a fresh gateway after a warm-up of %d clients opening at %d a second with %d echo messages each%n",
                scale.loadWarmUpClients(), scale.loadWarmUpClients(), scale.loadWarmUpMessages());
        System.out.printf("   Burst: %d clients opening within %d ms (the gateway allows 500 new connections a second, as API Gateway does)%n",
                scale.burstClients(), Scale.BURST_MILLIS);
        Table burstTable = new Table("clients", "connected", "refused (by status)", "handshake timed out", "failed otherwise");
        for (Part part : new Part[] {burst.node(), burst.jdk(), burst.all()}) {
            Connections opened = part.connections();
            burstTable.row(part.clients(), Long.toString(opened.opened()), refusals(opened.refusedByStatus()),
                    Long.toString(opened.timedOut()), Long.toString(opened.failed()));
        }
        burstTable.print();

        System.out.println();
        System.out.printf("   Ramp: %d clients opening at %d a second, each sending %d echo messages one at a time as soon as it is open%n",
                scale.rampClients(), scale.rampPerSecond(), scale.rampMessages());
        Table rampTable = new Table("clients", "connected", "refused (by status)", "handshake timed out", "echoed of expected", "p50 ms", "p99 ms");
        for (Part part : new Part[] {ramp.node(), ramp.jdk(), ramp.all()}) {
            Echoes echoes = part.echoes();
            rampTable.row(part.clients(), Long.toString(part.connections().opened()), refusals(part.connections().refusedByStatus()),
                    Long.toString(part.connections().timedOut()), (echoes.received() - echoes.wrong()) + " of " + echoes.expected(),
                    Benchmark.ratio(echoes.p50Millis()), Benchmark.ratio(echoes.p99Millis()));
        }
        rampTable.print();
        printErrors("burst", burst.all().connections());
        printErrors("ramp", ramp.all().connections());

        addTargets(scale, burst.all(), ramp.all());
        scale.requireAll("load, burst: clients connected", scale.burstClients(), burst.all().connections().opened());
        scale.requireAll("load, ramp: clients connected", scale.rampClients(), ramp.all().connections().opened());
        scale.requireAll("load, ramp: right replies", ramp.all().echoes().expected(), ramp.all().echoes().received() - ramp.all().echoes().wrong());
    }

    private static void addTargets(Scale scale, Part burst, Part ramp) {
        Connections opened = burst.connections();
        long refusedOtherwise = opened.refusedByStatus().entrySet().stream().filter(status -> !status.getKey().equals("429"))
                .mapToLong(Map.Entry::getValue).sum();
        Targets.add(String.format("%,d clients opened at once", scale.burstClients()),
                "every one connected, or refused with 429; none timed out, no 500",
                String.format("%d connected, %d refused with 429, %d refused otherwise, %d timed out, %d failed", opened.opened(),
                        opened.refusedByStatus().getOrDefault("429", 0L), refusedOtherwise, opened.timedOut(), opened.failed()),
                "-", opened.opened() + opened.refusedByStatus().getOrDefault("429", 0L) == scale.burstClients());
        Echoes echoes = ramp.echoes();
        long delivered = echoes.received() - echoes.wrong();
        Targets.add(String.format("%,d clients at %d new connections/s, %d echo messages each", scale.rampClients(), scale.rampPerSecond(),
                        scale.rampMessages()), "every message delivered, p99 <= 500 ms",
                String.format(Locale.ROOT, "%,d of %,d delivered, %d connected, p99 %.0f ms", delivered, echoes.expected(),
                        ramp.connections().opened(), echoes.p99Millis()),
                "-", delivered == echoes.expected() && echoes.p99Millis() <= 500);
    }

    /** {@code clients} clients opening {@code perSecond} a second, half of each kind, each echoing {@code messages} times. */
    private static Run onFreshGateway(Scale scale, int clients, int perSecond, int messages) throws Exception {
        try (GatewayProcess gateway = new GatewayProcess()) {
            mixed(gateway.uri(), gateway.headers(), scale.loadWarmUpClients(), scale.loadWarmUpClients(), scale.loadWarmUpMessages());
            // The warm-up's connections must not count against the next second's quota of new connections.
            Thread.sleep(1000);
            return mixed(gateway.uri(), gateway.headers(), clients, perSecond, messages);
        }
    }

    private static Run mixed(URI uri, Map<String, String> headers, int clients, int perSecond, int messages) throws Exception {
        int jdkClients = clients / 2;
        int nodeClients = clients - jdkClients;
        CompletableFuture<NodeClients.Result> node = CompletableFuture.supplyAsync(() -> {
            try {
                return new NodeClients().clients(nodeClients, share(perSecond, nodeClients, clients))
                        .echo(Benchmark.HELLO, EchoSection.REPLY, messages).run(uri, headers);
            } catch (Exception e) {
                throw new IllegalStateException("the Node clients failed", e);
            }
        }, Benchmark.THREADS);
        EchoLoad.Ramp jdk = EchoLoad.ramp(uri, headers, Benchmark.HELLO, EchoSection.REPLY, jdkClients, share(perSecond, jdkClients, clients), messages);
        NodeClients.Result nodeResult = node.join();
        return new Run(new Part("Node ws " + nodeResult.wsVersion() + ", permessage-deflate offered", nodeResult.connections(), nodeResult.echoes()),
                new Part("JDK java.net.http.WebSocket", jdk.connections(), jdk.echoes()));
    }

    /** A kind's part of the opening rate: its share of the clients. */
    private static int share(int perSecond, int part, int clients) {
        return perSecond == 0 ? 0 : Math.max(1, (int) ((long) perSecond * part / clients));
    }

    private static String refusals(Map<String, Long> byStatus) {
        return byStatus.isEmpty() ? "0" : byStatus.entrySet().stream().map(refused -> refused.getValue() + " (" + refused.getKey() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void printErrors(String run, Connections connections) {
        if (!connections.errors().isEmpty()) {
            System.out.println("   " + run + ", first errors: " + String.join("; ", connections.errors()));
        }
    }
}
