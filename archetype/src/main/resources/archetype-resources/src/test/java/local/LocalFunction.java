package ${package}.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * One function of the template, running in this JVM: its handler is created once, from the
 * function's environment, and then reused for every event, as in a warm Lambda execution environment.
 */
final class LocalFunction<I, O> {

    private final String name;
    private final RequestHandler<I, O> handler;

    private LocalFunction(String name, RequestHandler<I, O> handler) {
        this.name = name;
        this.handler = handler;
    }

    /** Creates the handler through its constructor that takes the environment variables. */
    @SuppressWarnings("unchecked")
    static <I, O> LocalFunction<I, O> create(String name, String handlerClass, Map<String, String> environment) {
        try {
            Object handler = Class.forName(handlerClass).getConstructor(Map.class).newInstance(environment);
            return new LocalFunction<>(name, (RequestHandler<I, O>) handler);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(name + ": cannot create " + handlerClass
                    + " through a public constructor taking Map<String, String>", e);
        }
    }

    /** Runs the handler; its log lines are printed with the function's name. */
    O invoke(I event) {
        return handler.handleRequest(event, new LocalContext(name, line -> System.out.println("[" + name + "] " + line)));
    }
}
