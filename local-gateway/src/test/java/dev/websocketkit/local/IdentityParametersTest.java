// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template, or the caller, names the parameters that get the identity provider's JWKS URL,
 * issuer and audience: the gateway knows no parameter names of its own.
 */
class IdentityParametersTest {

    private static final Path ECHO = Path.of("src/test/resources/templates/echo.yaml");
    private static final String METADATA = """
            Metadata:
              LocalGateway:
                IdentityParameters:
                  JwksUrl: JwksUrl
                  Issuer: JwtIssuer
                  Audience: JwtAudience
            """;

    @TempDir
    Path work;

    @Test
    void theParametersTheTemplatesMetadataNamesGetTheDevelopmentProvider() throws Exception {
        try (LocalGateway gateway = start(LocalGatewayConfig.forTemplate(ECHO))) {
            var environment = gateway.environment("AuthorizerFunction");

            assertTrue(environment.get("JWKS_URL").startsWith("http://127.0.0.1:"), environment.get("JWKS_URL"));
            assertEquals("local-gateway-development", environment.get("JWT_ISSUER"));
        }
    }

    @Test
    void theCallerNamesThemForATemplateWithoutMetadata() throws Exception {
        Path template = withMetadata("");

        try (LocalGateway gateway = start(LocalGatewayConfig.forTemplate(template).identityParameters("JwksUrl", "JwtIssuer", "JwtAudience"))) {
            try (WebSocketTestClient client = gateway.connect()) {
                client.send(EchoApiTest.HELLO);

                assertEquals("\"Hello World!\"", client.receive());
            }
        }
    }

    @Test
    void aTemplateThatNamesNoneLeavesItsParametersToTheCaller() throws Exception {
        Path template = withMetadata("");

        Exception refused = assertThrows(Exception.class, () -> start(LocalGatewayConfig.forTemplate(template)).close());

        assertTrue(refused.getMessage().contains("JwksUrl"), refused.getMessage());
    }

    @Test
    void metadataThatNamesNoParameterOfTheTemplateIsRefused() throws Exception {
        Path template = withMetadata(METADATA.replace("Issuer: JwtIssuer", "Issuer: Issuer"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> start(LocalGatewayConfig.forTemplate(template)).close());

        assertEquals("Metadata.LocalGateway.IdentityParameters.Issuer must name a parameter of the template, not Issuer", refused.getMessage());
    }

    private Path withMetadata(String metadata) throws IOException {
        String echo = Files.readString(ECHO);
        Path template = work.resolve("template.yaml");
        Files.writeString(template, echo.replace(METADATA, metadata));
        return template;
    }

    private static LocalGateway start(LocalGatewayConfig config) throws Exception {
        return LocalGateway.start(config.port(0).out(new PrintStream(new ByteArrayOutputStream())));
    }
}
