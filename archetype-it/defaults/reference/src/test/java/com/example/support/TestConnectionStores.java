package com.example.support;

import com.example.connection.ConnectionStore;
import com.example.connection.DynamoDbConnectionStore;
import dev.websocketkit.local.template.SamTemplate;
import dev.websocketkit.local.testing.LocalAws;
import java.nio.file.Path;
import java.time.Clock;

/** Fresh, empty connection stores for tests: each a new table in DynamoDB Local, created from template.yaml's {@code ConnectionsTable}. */
public final class TestConnectionStores {

    private TestConnectionStores() {
    }

    public static ConnectionStore newStore() {
        return new DynamoDbConnectionStore(LocalAws.dynamoDb(), newTable(), Clock.systemUTC());
    }

    public static String newTable() {
        return LocalAws.createTable(SamTemplate.properties(SamTemplate.load(Path.of("template.yaml")).resource("ConnectionsTable")));
    }
}
