package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectHandlerTest extends HandlerTest {

    @Test
    void acceptsTheConnectionAndLogsIt() {
        String connectionId = newConnectionId();

        var response = new ConnectHandler().handleRequest(connect(connectionId, Instant.now()), context);

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of("Connected " + connectionId), context.logLines());
    }
}
