package com.example.connection;

import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The connections table as template.yaml declares it. */
class ConnectionsTableTemplateTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void connectionsTableIsOnDemandAndExpiresItemsThroughTtl() {
        Map<String, Object> table = properties(template.resource("ConnectionsTable"));
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true), table.get("TimeToLiveSpecification"));
    }
}
