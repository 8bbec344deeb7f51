// SPDX-License-Identifier: Apache-2.0

package bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

/** Events as API Gateway sends them; a class of its own so the floor never loads the events library. */
final class RunnerEvents {

    private RunnerEvents() {
    }

    static APIGatewayV2WebSocketEvent send() {
        APIGatewayV2WebSocketEvent event = event("send", "MESSAGE");
        event.setBody("{\"message\": \"send\", \"body\": \"Hello World!\"}");
        return event;
    }

    static APIGatewayV2WebSocketEvent connect() {
        return event("$connect", "CONNECT");
    }

    private static APIGatewayV2WebSocketEvent event(String routeKey, String eventType) {
        APIGatewayV2WebSocketEvent.RequestIdentity identity = new APIGatewayV2WebSocketEvent.RequestIdentity();
        identity.setSourceIp("203.0.113.7");
        APIGatewayV2WebSocketEvent.RequestContext context = new APIGatewayV2WebSocketEvent.RequestContext();
        context.setRouteKey(routeKey);
        context.setEventType(eventType);
        context.setConnectionId("L0SM9cOFvHcCIhw=");
        context.setConnectedAt(System.currentTimeMillis());
        context.setStage("prod");
        context.setDomainName("abc123xyz0.execute-api.us-east-1.amazonaws.com");
        context.setIdentity(identity);
        APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
        event.setRequestContext(context);
        return event;
    }
}
