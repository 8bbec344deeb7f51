// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/**
 * Accepts a connection when its function was given the template parameter {@code Greeting}, and
 * prints it, and the Log4j context factory a function's own Log4j would find set.
 */
public final class GreetingConnectHandler implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {

    @Override
    public APIGatewayV2WebSocketResponse handleRequest(APIGatewayV2WebSocketEvent event, Context context) {
        String greeting = System.getenv("GREETING");
        System.out.println("greeting: " + greeting);
        System.out.println("log4j2.loggerContextFactory: " + System.getProperty("log4j2.loggerContextFactory"));
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(greeting == null ? 500 : 200);
        return response;
    }
}
