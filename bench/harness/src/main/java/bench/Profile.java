// SPDX-License-Identifier: Apache-2.0

package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Processor samples of this JVM's threads, taken by Flight Recorder every millisecond, and put down
 * to the steps of an echo. Flight Recorder samples threads running Java code, so the kernel's share
 * of each step is not in its count, nor are the JIT and the garbage collector.
 */
final class Profile {

    private final Recording recording;

    private Profile(Recording recording) {
        this.recording = recording;
    }

    static Profile start() {
        Recording recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
        recording.start();
        return new Profile(recording);
    }

    /** Stops sampling; the samples by step, e.g. {@code FRAME_IN=1234 ROUTE=56 ...}. */
    String stop(Set<String> functions) throws IOException {
        recording.stop();
        Path file = Files.createTempFile("gateway", ".jfr");
        try {
            recording.dump(file);
            Map<EchoStep, Long> samples = new EnumMap<>(EchoStep.class);
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent sample = events.readEvent();
                    if (sample.getEventType().getName().equals("jdk.ExecutionSample") && sample.getStackTrace() != null) {
                        samples.merge(EchoStep.of(functions, sample.getThread("sampledThread"), sample.getStackTrace().getFrames()), 1L, Long::sum);
                    }
                }
            }
            return samples.entrySet().stream().map(step -> step.getKey().name() + "=" + step.getValue()).collect(Collectors.joining(" "));
        } finally {
            recording.close();
            Files.deleteIfExists(file);
        }
    }
}
