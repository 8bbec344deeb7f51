// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.websocketkit.local.junit.WebSocketApiTest;
import org.junit.jupiter.api.Test;

/** {@code @WebSocketApiTest(parameters = ...)} overrides template parameters, with a gateway of its own. */
@WebSocketApiTest(template = "src/test/resources/templates/echo.yaml", parameters = "StageName = beta")
class TemplateParametersTest {

    @Test
    void overridesTheTemplatesDefault(LocalGateway gateway) {
        assertEquals("/beta", gateway.callbackUri().getPath());
    }
}
