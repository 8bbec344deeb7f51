package dev.websocketkit.local.junit;

import dev.websocketkit.local.LocalGateway;
import dev.websocketkit.local.LocalGatewayConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a {@link LocalGateway} for the template their class names with
 * {@link WebSocketApiTest}. One gateway per template serves the whole run; JUnit closes it at the end.
 * The functions' classes come from the test class's class path.
 */
public final class LocalGatewayExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalGatewayExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalGateway.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        String template = AnnotationSupport.findAnnotation(testClass, WebSocketApiTest.class)
                .map(WebSocketApiTest::template)
                .orElse("template.yaml");
        Path path = Path.of(template).toAbsolutePath().normalize();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(path.toString(), key -> start(path, testClass), LocalGateway.class);
    }

    private static LocalGateway start(Path template, Class<?> testClass) {
        try {
            return LocalGateway.start(LocalGatewayConfig.forTemplate(template).port(0).functionClasses(testClass.getClassLoader()));
        } catch (Exception e) {
            throw new ParameterResolutionException("The local gateway did not start for " + template + ": " + e.getMessage(), e);
        }
    }
}
