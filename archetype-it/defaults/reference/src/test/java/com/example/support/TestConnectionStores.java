package com.example.support;

import dev.websocketkit.local.template.SamTemplate;
import dev.websocketkit.local.testing.LocalAws;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Fresh, empty connection tables for tests: each a new table in DynamoDB Local, created from template.yaml's {@code ConnectionsTable}. */
public final class TestConnectionStores {

    private TestConnectionStores() {
    }

    public static String newTable() {
        return LocalAws.createTable(SamTemplate.properties(SamTemplate.load(Path.of("template.yaml")).resource("ConnectionsTable")));
    }

    /** The item a store wrote for a connection, read from its table; empty when there is none. */
    public static Map<String, AttributeValue> item(String table, String connectionId) {
        return LocalAws.dynamoDb().getItem(request -> request.tableName(table)
                .key(Map.of("connectionId", AttributeValue.fromS(connectionId)))).item();
    }
}
