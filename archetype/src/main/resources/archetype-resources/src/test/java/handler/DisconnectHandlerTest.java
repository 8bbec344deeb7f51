package ${package}.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisconnectHandlerTest extends HandlerTest {

    /** Disconnects can repeat: the second, of a connection the store no longer knows, is fine too. */
    @Test
    void logsAndCountsEveryDisconnection() {
        DisconnectHandler handler = disconnectHandler();
        String connectionId = newConnectionId();

        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());
        assertEquals(200, handler.handleRequest(disconnect(connectionId), context).getStatusCode());

        assertEquals(List.of("Disconnected", "Disconnected"), output.messages());
        Map<String, Object> line = output.logs().get(0);
        assertEquals(connectionId, line.get("connectionId"));
        assertEquals(context.getAwsRequestId(), line.get("requestId"));
        assertEquals(Map.of("ConnectionsClosed", 2.0), output.metrics());
    }
}
