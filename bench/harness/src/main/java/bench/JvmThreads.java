// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The processor time of the JVM's own threads that run no Java code of anyone's: the JIT compilers
 * and the garbage collector's, read from {@code /proc/self/task} (Linux).
 */
final class JvmThreads {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Thread names as Linux keeps them, cut to 15 characters. */
    private static final List<String> PREFIXES = List.of("C1 CompilerThre", "C2 CompilerThre", "GC Thread#", "G1 ", "VM Thread");
    /** What {@code getconf CLK_TCK} says on every Linux the benchmark has met: /proc counts in hundredths of a second. */
    private static final long NANOS_PER_TICK = 10_000_000;

    private JvmThreads() {
    }

    /** Their processor time so far; {@code -1} where there is no {@code /proc} to read. */
    static long cpuNanos() {
        if (!Files.isDirectory(TASKS)) {
            return -1;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            return tasks.mapToLong(JvmThreads::ticksIfJvmThread).sum() * NANOS_PER_TICK;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long ticksIfJvmThread(Path task) {
        try {
            String stat = Files.readString(task.resolve("stat"));
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            if (PREFIXES.stream().noneMatch(name::startsWith)) {
                return 0;
            }
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException threadEnded) {
            return 0;
        }
    }
}
