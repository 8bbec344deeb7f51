package ${package}.connection;

import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ${package}.support.TestConnectionStores;
import dev.websocketkit.local.template.SamTemplate;
import dev.websocketkit.local.testing.LocalAws;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Against DynamoDB Local, with a table shaped like template.yaml's. */
class DynamoDbConnectionStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

    private String tableName;
    private DynamoDbConnectionStore store;

    @BeforeEach
    void createTable() {
        tableName = TestConnectionStores.newTable();
        store = new DynamoDbConnectionStore(LocalAws.dynamoDb(), tableName, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void savesConnectionsWithAndWithoutOptionalFields() {
        store.save(new Connection("conn-1=", NOW.minusSeconds(60), "198.51.100.1", "user-1"));
        store.save(new Connection("conn-2=", NOW.minusSeconds(30), null, null));

        Map<String, AttributeValue> full = TestConnectionStores.item(tableName, "conn-1=");
        assertEquals(NOW.minusSeconds(60).toString(), full.get("connectedAt").s());
        assertEquals("198.51.100.1", full.get("sourceIp").s());
        assertEquals("user-1", full.get("principal").s());
        assertEquals(Set.of("connectionId", "connectedAt", "expiresAt"), TestConnectionStores.item(tableName, "conn-2=").keySet(),
                "no attribute for what is not known");
    }

    @Test
    void writesAnExpiryThatTheTableTtlOfTemplateYamlDeletes() {
        store.save(new Connection("conn-1=", NOW, "198.51.100.1", null));

        Map<String, AttributeValue> item = TestConnectionStores.item(tableName, "conn-1=");
        assertEquals(Long.toString(NOW.plus(DynamoDbConnectionStore.TIME_TO_LIVE).getEpochSecond()), item.get("expiresAt").n());
        Map<String, Object> table = properties(SamTemplate.load(Path.of("template.yaml")).resource("ConnectionsTable"));
        assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true), table.get("TimeToLiveSpecification"));
    }

    @Test
    void removesConnectionsAndAcceptsUnknownIds() {
        store.save(new Connection("conn-1=", NOW, null, null));

        store.remove("conn-1=");
        store.remove("never-seen=");

        assertEquals(Map.of(), TestConnectionStores.item(tableName, "conn-1="));
    }
}
