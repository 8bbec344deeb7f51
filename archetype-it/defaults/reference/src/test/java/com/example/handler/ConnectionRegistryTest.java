package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.support.TestConnectionStores;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code $connect} and {@code $disconnect} keep the connection store up to date. */
class ConnectionRegistryTest extends HandlerTest {

    @Test
    void registersTheConnectionWithItsTimeSourceAddressAndThePrincipalAnAuthorizerPassedOn() {
        String connectionId = newConnectionId();
        Instant connectedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        APIGatewayV2WebSocketEvent event = connect(connectionId, connectedAt);
        event.getRequestContext().setAuthorizer(Map.of("principalId", "user-42"));

        connectHandler().handleRequest(event, context);

        Map<String, AttributeValue> item = TestConnectionStores.item(table, connectionId);
        assertEquals(connectedAt.toString(), item.get("connectedAt").s());
        assertEquals(SOURCE_IP, item.get("sourceIp").s());
        assertEquals("user-42", item.get("principal").s());
    }

    @Test
    void removesTheConnectionWhenTheClientLeaves() {
        String connectionId = connectClient();
        assertTrue(isStored(connectionId));

        var response = disconnectHandler().handleRequest(disconnect(connectionId), context);

        assertEquals(200, response.getStatusCode());
        assertFalse(isStored(connectionId));
    }
}
