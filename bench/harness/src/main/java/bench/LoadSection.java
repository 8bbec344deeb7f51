// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Section 5: what the local gateway does under the load users bring, with Node ws clients (the
 * library under wscat), each run on a fresh gateway after one warm-up connection: a burst of
 * clients opening within half a second, then a ramp of clients opening at a steady rate, each
 * echoing as soon as it is open.
 */
final class LoadSection {

    private LoadSection() {
    }

    static void run(Scale scale) throws Exception {
        int burstPerSecond = scale.burstClients() * 1000 / Scale.BURST_MILLIS;
        NodeClients.Result burst = onFreshGateway(new NodeClients().clients(scale.burstClients(), burstPerSecond));
        NodeClients.Result ramp = onFreshGateway(new NodeClients().clients(scale.rampClients(), scale.rampPerSecond())
                .echo(Benchmark.HELLO, EchoSection.REPLY, scale.rampMessages()));

        System.out.println();
        System.out.printf("5. Load on the local gateway, Node ws %s clients (permessage-deflate offered), each run on a fresh gateway after one warm-up connection%n",
                burst.wsVersion());
        System.out.printf("   Burst: %d clients opening within %d ms (the gateway allows 500 new connections a second, as API Gateway does)%n",
                scale.burstClients(), Scale.BURST_MILLIS);
        Table burstTable = new Table("clients", "connected", "refused (by status)", "handshake timed out", "failed otherwise");
        NodeClients.Connections opened = burst.connections();
        burstTable.row(Integer.toString(scale.burstClients()), Long.toString(opened.opened()), refusals(opened.refusedByStatus()),
                Long.toString(opened.timedOut()), Long.toString(opened.failed()));
        burstTable.print();

        System.out.println();
        System.out.printf("   Ramp: %d clients opening at %d a second, each sending %d echo messages one at a time as soon as it is open%n",
                scale.rampClients(), scale.rampPerSecond(), scale.rampMessages());
        Table rampTable = new Table("clients", "connected", "refused (by status)", "handshake timed out", "echoed of expected", "p50 ms", "p99 ms");
        Echoes echoes = ramp.echoes();
        rampTable.row(Integer.toString(scale.rampClients()), Long.toString(ramp.connections().opened()), refusals(ramp.connections().refusedByStatus()),
                Long.toString(ramp.connections().timedOut()), (echoes.received() - echoes.wrong()) + " of " + echoes.expected(),
                Benchmark.ratio(echoes.p50Millis()), Benchmark.ratio(echoes.p99Millis()));
        rampTable.print();
        printErrors("burst", opened);
        printErrors("ramp", ramp.connections());

        scale.requireAll("load, burst: clients connected", scale.burstClients(), opened.opened());
        scale.requireAll("load, ramp: clients connected", scale.rampClients(), ramp.connections().opened());
        scale.requireAll("load, ramp: right replies", echoes.expected(), echoes.received() - echoes.wrong());
    }

    private static NodeClients.Result onFreshGateway(NodeClients load) throws Exception {
        try (GatewayProcess gateway = new GatewayProcess()) {
            new NodeClients().echo(Benchmark.HELLO, EchoSection.REPLY, 1).run(gateway.uri(), gateway.headers());
            // The warm-up's connection must not count against the next second's quota of new connections.
            Thread.sleep(1000);
            return load.run(gateway.uri(), gateway.headers());
        }
    }

    private static String refusals(Map<String, Long> byStatus) {
        return byStatus.isEmpty() ? "0" : byStatus.entrySet().stream().map(refused -> refused.getValue() + " (" + refused.getKey() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void printErrors(String run, NodeClients.Connections connections) {
        if (!connections.errors().isEmpty()) {
            System.out.println("   " + run + ", first errors: " + String.join("; ", connections.errors()));
        }
    }
}
