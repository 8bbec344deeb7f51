package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectHandlerTest extends HandlerTest {

    @Test
    void logsAndCountsTheConnection() {
        String connectionId = newConnectionId();

        var response = connectHandler().handleRequest(connect(connectionId, Instant.now()), context);

        assertEquals(200, response.getStatusCode());
        assertNull(response.getHeaders(), "no subprotocol accepted when none was offered");
        Map<String, Object> line = output.logs().get(0);
        assertEquals("Connected", line.get("message"));
        assertEquals("INFO", line.get("level"));
        assertEquals(connectionId, line.get("connectionId"));
        assertEquals(context.getAwsRequestId(), line.get("requestId"));
        assertEquals(Map.of("ConnectionsOpened", 1.0), output.metrics());
        assertEquals(1, metricDocuments(), "one metrics document per invocation");
    }
}
