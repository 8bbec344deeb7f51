// SPDX-License-Identifier: Apache-2.0

package bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a process and everything it started: a Maven wrapper's JVM, a gateway's JVM, a Node
 * process. The descendants are listed before anyone is stopped, since a child whose parent has gone
 * is no longer the root's descendant.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    /** Asks each process to stop, waits up to {@code grace} for all of them, then kills those still alive. */
    static void stop(ProcessHandle root, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle process : tree) {
            long left = deadline - System.nanoTime();
            try {
                process.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception stillAliveOrInterrupted) {
                process.destroyForcibly();
            }
        }
    }

    /** Kills every process this JVM started, and theirs, without waiting: the way out after a failure. */
    static void killDescendantsOfThisProcess() {
        ProcessHandle.current().descendants().toList().forEach(ProcessHandle::destroyForcibly);
    }
}
