// SPDX-License-Identifier: Apache-2.0

package bench;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.LocalGatewayConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The local gateway as {@code dev.websocketkit.local.internal.cli.Main} runs it, in a JVM of its own, with
 * commands for the benchmark on standard input: {@code usage} is answered with
 * {@code usage <process CPU ns> <functions' CPU ns> <started threads' CPU ns> <JIT and GC CPU ns> <gateway's switches>},
 * the processor time of the whole JVM, of the functions in it ({@code LocalGateway.handlerCpuTime()}),
 * of that in the threads the functions' code started (such as the SDK's timers), and of the JVM's
 * own compiler and garbage collector threads, and how many times the gateway's own threads were
 * switched out ({@code -1} where {@code /proc} cannot tell);
 * {@code profile start} starts sampling the JVM's threads and {@code profile stop} answers with
 * {@code profile <step>=<samples> ...}, the samples put down to the {@link EchoStep}s. It stops when
 * its standard input closes, so it never outlives the benchmark.
 *
 * <pre>
 * java -cp &lt;gateway and bench classes&gt; bench.MeasuredGateway --template template.yaml --function-classpath &lt;path&gt;
 *      [--management-api-latency PT0.03S] [--parameter Name=Value ...]
 * </pre>
 */
public final class MeasuredGateway {

    private MeasuredGateway() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalGateway gateway = LocalGateway.start(config(args))) {
            gateway.banner().forEach(System.out::println);
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            Profile profile = null;
            String command;
            while ((command = input.readLine()) != null) {
                switch (command) {
                    case "usage" -> System.out.println("usage " + processCpuNanos() + " " + handlerCpuNanos(gateway) + " "
                            + startedThreadCpuNanos(gateway.handlerCpuTime().keySet()) + " " + ProcTasks.jvmCpuNanos() + " "
                            + ProcTasks.gatewayContextSwitches());
                    case "profile start" -> profile = Profile.start();
                    case "profile stop" -> System.out.println("profile " + profile.stop(gateway.handlerCpuTime().keySet()));
                    default -> throw new IllegalArgumentException("unknown command " + command);
                }
            }
        }
        System.exit(0);
    }

    private static LocalGatewayConfig config(String[] args) throws Exception {
        LocalGatewayConfig config = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--template" -> config = LocalGatewayConfig.forTemplate(Path.of(value)).port(0);
                case "--function-classpath" -> config.functionClasses(classLoader(value));
                case "--management-api-latency" -> config.managementApiLatency(Duration.parse(value));
                case "--new-connections-per-second" -> config.newConnectionsPerSecond(Integer.parseInt(value));
                case "--parameter" -> config.parameter(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--template comes first)");
            }
        }
        return config;
    }

    /** The functions' class path on its own, with the JDK below it and nothing of the gateway's, as Main builds it. */
    private static ClassLoader classLoader(String classPath) throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return new URLClassLoader("functions", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long handlerCpuNanos(LocalGateway gateway) {
        return gateway.handlerCpuTime().values().stream().mapToLong(Duration::toNanos).sum();
    }

    /** The processor time of the live threads that the functions' code started ({@link EchoStep#startedByFunction}). */
    private static long startedThreadCpuNanos(Set<String> functions) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getThreadGroup() != null && functions.contains(thread.getThreadGroup().getName())
                        && EchoStep.startedByFunction(thread.getThreadGroup().getName(), thread.getName()))
                .mapToLong(thread -> Math.max(0, threads.getThreadCpuTime(thread.threadId())))
                .sum();
    }
}
