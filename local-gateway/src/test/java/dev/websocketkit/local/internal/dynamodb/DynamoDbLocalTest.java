// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.monitoring.Telemetry;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamoDbLocalTest {

    @Test
    void listensOnTheLoopbackOnlyAndSendsNoTelemetry() {
        assertEquals("127.0.0.1", DynamoDbLocal.endpoint().getHost());
        assertTrue(Telemetry.getTelemetry().isEmpty(), "DynamoDB Local's telemetry is never configured");
    }

    @Test
    void createsEachTableUnderAUniqueNameFromItsTemplateDefinition() {
        Map<String, Object> definition = Map.of(
                "AttributeDefinitions", List.of(Map.of("AttributeName", "id", "AttributeType", "S")),
                "KeySchema", List.of(Map.of("AttributeName", "id", "KeyType", "HASH")));

        String first = DynamoDbLocal.createTable(definition);
        String second = DynamoDbLocal.createTable(definition);

        assertTrue(!first.equals(second));
        assertEquals("id", DynamoDbLocal.client().describeTable(request -> request.tableName(first)).table().keySchema().get(0).attributeName());
    }

    @Test
    void keepsTheClassesItStartedWith() {
        DynamoDbLocal.endpoint();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> DynamoDbLocal.loadServerFrom(new URLClassLoader(new URL[0], getClass().getClassLoader())));
        assertTrue(refused.getMessage().startsWith("DynamoDB Local has started already"), refused.getMessage());
    }
}
