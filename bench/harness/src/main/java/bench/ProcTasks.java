// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

/**
 * What Linux keeps of this JVM's threads in {@code /proc/self/task}: the processor time of the
 * threads that run no Java code of anyone's (the JIT compilers and the garbage collector), and how
 * often the gateway's own threads were switched out.
 */
final class ProcTasks {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Thread names as Linux keeps them, cut to 15 characters. */
    private static final List<String> JVM_PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre", "GC Thread#", "G1 ", "VM Thread");
    /** The gateway's server threads, its log writer and its timers: {@code gateway-…}. */
    private static final String GATEWAY_PREFIX = "gateway";
    /** What {@code getconf CLK_TCK} says on every Linux the benchmark has met: /proc counts in hundredths of a second. */
    private static final long NANOS_PER_TICK = 10_000_000;

    private ProcTasks() {
    }

    /** The JIT compilers' and the garbage collector's processor time so far; {@code -1} where there is no {@code /proc} to read. */
    static long jvmCpuNanos() {
        long ticks = sum(task -> startsWithAny(name(task), JVM_PREFIXES) ? cpuTicks(task) : 0);
        return ticks < 0 ? -1 : ticks * NANOS_PER_TICK;
    }

    /**
     * How many times the gateway's threads have been switched out so far, waiting or preempted
     * ({@code voluntary_ctxt_switches} and {@code nonvoluntary_ctxt_switches}); {@code -1} where
     * there is no {@code /proc} to read.
     */
    static long gatewayContextSwitches() {
        return sum(task -> name(task).startsWith(GATEWAY_PREFIX) ? contextSwitches(task) : 0);
    }

    private static long sum(ToLongFunction<Path> perTask) {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.mapToLong(task -> {
                try {
                    return perTask.applyAsLong(task);
                } catch (RuntimeException threadEnded) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        return prefixes.stream().anyMatch(name::startsWith);
    }

    private static String name(Path task) {
        return read(task.resolve("comm")).strip();
    }

    private static long cpuTicks(Path task) {
        String stat = read(task.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long contextSwitches(Path task) {
        return read(task.resolve("status")).lines()
                .filter(line -> line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:"))
                .mapToLong(line -> Long.parseLong(line.substring(line.indexOf(':') + 1).trim()))
                .sum();
    }

    /** A file of a task; a thread that has ended since the listing has none, which ends its share in {@link #sum}. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException threadEnded) {
            throw new IllegalStateException(threadEnded);
        }
    }
}
