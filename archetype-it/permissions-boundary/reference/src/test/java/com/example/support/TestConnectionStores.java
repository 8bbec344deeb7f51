package com.example.support;

import com.example.connection.ConnectionStore;
import com.example.connection.DynamoDbConnectionStore;
import dev.websocketkit.local.aws.DynamoDbLocal;
import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.time.Clock;

/** Fresh, empty connection stores for tests: each a new table in DynamoDB Local, created from template.yaml's {@code ConnectionsTable}. */
public final class TestConnectionStores {

    private TestConnectionStores() {
    }

    public static ConnectionStore newStore() {
        return new DynamoDbConnectionStore(DynamoDbLocal.client(), newTable(), Clock.systemUTC());
    }

    public static String newTable() {
        return DynamoDbLocal.createTable(SamTemplate.properties(SamTemplate.load(Path.of("template.yaml")).resource("ConnectionsTable")));
    }
}
