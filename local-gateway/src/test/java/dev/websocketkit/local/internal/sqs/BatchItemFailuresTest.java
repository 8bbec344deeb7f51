// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The answers Lambda takes as a complete success, a partial failure, or a failure of the whole batch. */
class BatchItemFailuresTest {

    private static final Set<String> BATCH = Set.of("m1", "m2", "m3");

    @Test
    void takesNoAnswerAnEmptyAnswerAndAnEmptyListAsSuccess() throws Exception {
        assertEquals(Set.of(), BatchItemFailures.of(null, BATCH));
        assertEquals(Set.of(), BatchItemFailures.of(Map.of(), BATCH));
        assertEquals(Set.of(), BatchItemFailures.of(new SQSBatchResponse(), BATCH));
        assertEquals(Set.of(), BatchItemFailures.of(new SQSBatchResponse(List.of()), BATCH));
    }

    @Test
    void readsTheFailedMessagesOfAnSqsBatchResponseOrAMap() throws Exception {
        assertEquals(Set.of("m2"), BatchItemFailures.of(new SQSBatchResponse(List.of(new BatchItemFailure("m2"))), BATCH));
        assertEquals(Set.of("m1", "m3"), BatchItemFailures.of(
                Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m1"), Map.of("itemIdentifier", "m3"))), BATCH));
    }

    @Test
    void failsTheWholeBatchOnAnInvalidAnswer() {
        assertInvalid("it is not a JSON object: just text", "just text");
        assertInvalid("batchItemFailures is not a list: m1", Map.of("batchItemFailures", "m1"));
        assertInvalid("an item of batchItemFailures has no itemIdentifier: {itemIdentifier=}", Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", ""))));
        assertInvalid("an item of batchItemFailures has no itemIdentifier: {}", new SQSBatchResponse(List.of(new BatchItemFailure(null))));
        assertInvalid("an item of batchItemFailures has no itemIdentifier: {id=m1}", Map.of("batchItemFailures", List.of(Map.of("id", "m1"))));
        assertInvalid("the itemIdentifier m9 is the id of no message of the batch", new SQSBatchResponse(List.of(new BatchItemFailure("m9"))));
    }

    private static void assertInvalid(String reason, Object response) {
        assertEquals(reason, assertThrows(BatchItemFailures.InvalidResponse.class, () -> BatchItemFailures.of(response, BATCH)).getMessage());
    }
}
