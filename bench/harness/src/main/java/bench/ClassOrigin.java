// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.List;
import java.util.Optional;

/**
 * Where a loaded class comes from, for the class-loading comparison of the cold start section: the
 * JDK, or the library (or code) of the artifact it belongs to, by package. Classes of the harness
 * itself are left out: every variant loads the same ones.
 */
final class ClassOrigin {

    /** Package prefixes, most specific first, and the name each is counted under. */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"software.amazon.awssdk.services.", "AWS SDK: service clients"},
            new String[] {"software.amazon.awssdk.http.", "AWS SDK: HTTP, signing"},
            new String[] {"software.amazon.awssdk.auth.", "AWS SDK: HTTP, signing"},
            new String[] {"software.amazon.awssdk.", "AWS SDK: core, protocols, regions"},
            new String[] {"com.fasterxml.jackson.", "jackson"},
            new String[] {"com.amazonaws.services.lambda.runtime.api.client.", "Lambda's runtime: its logger and context"},
            new String[] {"com.amazonaws.services.lambda.runtime.serialization.", "Lambda's runtime: its logger and context"},
            new String[] {"com.amazonaws.lambda.thirdparty.", "Lambda's runtime: its logger and context"},
            new String[] {"com.amazonaws.services.lambda.", "aws-lambda-java-core and -events"},
            new String[] {"org.apache.logging.log4j.", "SLF4J and log4j2"},
            new String[] {"org.slf4j.", "SLF4J and log4j2"},
            new String[] {"software.amazon.cloudwatchlogs.emf.", "Powertools' metrics and aws-embedded-metrics"},
            new String[] {"software.amazon.lambda.powertools.", "Powertools' metrics and aws-embedded-metrics"},
            new String[] {"org.apache.commons.lang3.", "other libraries"},
            new String[] {"org.reactivestreams.", "other libraries"},
            new String[] {"com.nimbusds.", "other libraries"});

    /** Where the runner's own classes load from. */
    private static final String HARNESS_CLASSES = "/bench/harness/target/classes/";

    private ClassOrigin() {
    }

    /** The origin of the class a {@code -Xlog:class+load} line names; empty for lines that name none, or harness classes. */
    static Optional<String> of(String logLine) {
        int tag = logLine.indexOf("[class,load] ");
        if (tag < 0) {
            return Optional.empty();
        }
        String rest = logLine.substring(tag + "[class,load] ".length());
        String className = rest.split(" ", 2)[0];
        if (rest.contains(HARNESS_CLASSES)) {
            return Optional.empty();
        }
        if (rest.contains("source: jrt:/") || rest.contains("source: shared objects file") || rest.contains("source: __")) {
            return Optional.of("JDK");
        }
        for (String[] library : LIBRARIES) {
            if (className.startsWith(library[0])) {
                return Optional.of(library[1]);
            }
        }
        return Optional.of("other: the handlers' own code, and the rest");
    }
}
