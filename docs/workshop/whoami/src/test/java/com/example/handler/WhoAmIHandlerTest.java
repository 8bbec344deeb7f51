package com.example.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhoAmIHandlerTest extends HandlerTest {

    @Test
    void answersWithThePrincipalTheAuthorizerPassedOn() {
        String caller = newConnectionId();
        APIGatewayV2WebSocketEvent event = message("whoami", caller, "{\"message\": \"whoami\"}");
        event.getRequestContext().setAuthorizer(Map.of("principalId", "alice"));

        var response = new WhoAmIHandler(messenger).handleRequest(event, context);

        assertEquals(200, response.getStatusCode());
        assertEquals(List.of("{\"principal\":\"alice\"}"), managementApi.dataPostedTo(caller));
    }
}
