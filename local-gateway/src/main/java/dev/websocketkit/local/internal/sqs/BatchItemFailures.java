// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messages a function reports as failed with {@code ReportBatchItemFailures}, read from its
 * answer as JSON the way Lambda reads it, whatever Java type the handler returned
 * ({@code SQSBatchResponse}, a map). No answer, no {@code batchItemFailures} and an empty list
 * mean the whole batch succeeded.
 */
final class BatchItemFailures {

    /** An answer Lambda treats as the failure of the whole batch. */
    static final class InvalidResponse extends Exception {

        InvalidResponse(String reason) {
            super(reason);
        }
    }

    private BatchItemFailures() {
    }

    /** The ids of the failed messages, all of them ids of {@code batch}. */
    static Set<String> of(Object response, Set<String> batch) throws InvalidResponse {
        Object answer;
        try {
            answer = JSON.std.anyFrom(JSON.std.asString(response));
        } catch (IOException e) {
            throw new InvalidResponse("it is not JSON: " + e.getMessage());
        }
        if (answer == null) {
            return Set.of();
        }
        if (!(answer instanceof Map)) {
            throw new InvalidResponse("it is not a JSON object: " + answer);
        }
        Object failures = ((Map<?, ?>) answer).get("batchItemFailures");
        if (failures == null) {
            return Set.of();
        }
        if (!(failures instanceof List)) {
            throw new InvalidResponse("batchItemFailures is not a list: " + failures);
        }
        Set<String> failed = new LinkedHashSet<>();
        for (Object failure : (List<?>) failures) {
            Object id = failure instanceof Map ? ((Map<?, ?>) failure).get("itemIdentifier") : null;
            if (!(id instanceof String) || ((String) id).isEmpty()) {
                throw new InvalidResponse("an item of batchItemFailures has no itemIdentifier: " + failure);
            }
            if (!batch.contains(id)) {
                throw new InvalidResponse("the itemIdentifier " + id + " is the id of no message of the batch");
            }
            failed.add((String) id);
        }
        return failed;
    }
}
