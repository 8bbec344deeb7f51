// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the WebSocket API of a SAM template on a local gateway: test methods
 * and lifecycle methods take a {@link dev.websocketkit.local.LocalGateway} parameter. The gateway
 * starts once per template and parameters for the whole test run, on a free port with a random API key.
 *
 * <pre>{@code
 * @WebSocketApiTest
 * class EchoTest {
 *     @Test
 *     void echoes(LocalGateway gateway) throws Exception {
 *         try (WebSocketTestClient client = gateway.connect()) { ... }
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(LocalGatewayExtension.class)
public @interface WebSocketApiTest {

    /** The template, relative to the directory the tests run in (the project's, under Maven). */
    String template() default "template.yaml";

    /**
     * Template parameters, {@code "Name=Value"}, as {@code sam deploy --parameter-overrides} takes
     * them. Test classes with the same template and parameters share a gateway.
     */
    String[] parameters() default {};
}
