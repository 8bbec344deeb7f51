// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.junit;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.LocalGatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a {@link LocalGateway} for the template their class names with
 * {@link WebSocketApiTest}. One gateway per template and parameters serves the whole run; JUnit closes
 * it at the end.
 * The functions' classes come from the test class's class path.
 */
final class LocalGatewayExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalGatewayExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalGateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<WebSocketApiTest> settings = AnnotationSupport.findAnnotation(testClass, WebSocketApiTest.class);
        Path template = Path.of(settings.map(WebSocketApiTest::template).orElse("template.yaml")).toAbsolutePath().normalize();
        List<String> parameters = settings.map(test -> List.of(test.parameters())).orElse(List.of());
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(template + " " + parameters,
                key -> start(template, parameters, testClass), LocalGateway.class);
    }

    private static LocalGateway start(Path template, List<String> parameters, Class<?> testClass) {
        LocalGatewayConfig config = LocalGatewayConfig.forTemplate(template).port(0).functionClasses(testClass.getClassLoader());
        for (String parameter : parameters) {
            int equals = parameter.indexOf('=');
            if (equals < 1) {
                throw new ParameterResolutionException("@WebSocketApiTest parameters are Name=Value, not " + parameter);
            }
            config.parameter(parameter.substring(0, equals).trim(), parameter.substring(equals + 1).trim());
        }
        try {
            return LocalGateway.start(config);
        } catch (Exception e) {
            throw new ParameterResolutionException("The local gateway did not start for " + template + ": " + e.getMessage(), e);
        }
    }
}
