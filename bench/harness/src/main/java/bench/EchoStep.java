// SPDX-License-Identifier: Apache-2.0

package bench;

import java.util.List;
import java.util.Set;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedThread;

/**
 * The steps of one echo through the local gateway, to which a processor sample of the gateway's
 * JVM is put down: by the thread it was taken on, and by the first frame from the top of its stack
 * that belongs to a step. Whose each step is: the function's, as on Lambda, or the gateway's own.
 */
enum EchoStep {

    FRAME_IN("frame in: read, unmask, inflate, decode (Jetty)", false),
    ROUTE("route selection and the event (MessageRouter, GatewayEvents)", false),
    HAND_OFF("hand-off to the function's environment (LocalFunction)", false),
    HANDLER("the handler's own code", true),
    SDK_SIGNING("SDK: SigV4 signing", true),
    SDK_POST("SDK: request pipeline and HTTP client", true),
    FUNCTION_THREADS("threads the function started (the SDK's timers)", true),
    MANAGEMENT_API("Management API: the HTTP request and its answer (Jetty, ManagementApiHandler)", false),
    FRAME_OUT("frame out: deflate, write (Jetty)", false),
    LOGS("the functions' output and the log writer", false),
    IO("selectors, thread pools, timers", false);

    private static final String GATEWAY = "dev.websocketkit.local.internal.";

    private final String label;
    private final boolean function;

    EchoStep(String label, boolean function) {
        this.label = label;
        this.function = function;
    }

    String label() {
        return label;
    }

    /** Whether the step is the function's own work, which Lambda would run; the others are the gateway's. */
    boolean isFunction() {
        return function;
    }

    /**
     * The step of a sample taken on {@code thread} with {@code frames}, top of the stack first. A
     * function's threads are in a thread group named after it: the gateway's, named after it too,
     * and those its code started.
     */
    static EchoStep of(Set<String> functions, RecordedThread thread, List<RecordedFrame> frames) {
        String group = thread == null || thread.getThreadGroup() == null ? "" : thread.getThreadGroup().getName();
        String name = thread == null || thread.getJavaName() == null ? "" : thread.getJavaName();
        if (functions.contains(group)) {
            return startedByFunction(group, name) ? FUNCTION_THREADS : inInvocation(frames);
        }
        if (name.equals("gateway-log")) {
            return LOGS;
        }
        for (RecordedFrame frame : frames) {
            EchoStep step = gatewayStep(frame.getMethod().getType().getName(), frame.getMethod().getName());
            if (step != null) {
                return step;
            }
        }
        for (RecordedFrame frame : frames) {
            EchoStep step = jettyStep(frame.getMethod().getType().getName());
            if (step != null) {
                return step;
            }
        }
        return IO;
    }

    /**
     * Whether a thread of a function's thread group was started by the function's code: the
     * gateway's invocation threads are named after the function, {@code <group>-<n>}.
     */
    static boolean startedByFunction(String group, String name) {
        return !name.startsWith(group + "-");
    }

    /** On a function's own thread: the handler and what it calls, or the gateway's part around it. */
    private static EchoStep inInvocation(List<RecordedFrame> frames) {
        boolean inHandler = frames.stream().anyMatch(frame -> frame.getMethod().getName().equals("call")
                && frame.getMethod().getType().getName().equals(GATEWAY + "function.LocalFunction"));
        if (!inHandler) {
            return HAND_OFF;
        }
        EchoStep step = HANDLER;
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith(GATEWAY + "function.FunctionOutput") || type.startsWith(GATEWAY + "log.")) {
                return LOGS;
            }
            if (type.contains("Signer") || type.contains("SigningStage") || type.startsWith("software.amazon.awssdk.http.auth.aws")) {
                return SDK_SIGNING;
            }
            if (type.startsWith("software.amazon.awssdk.") || type.startsWith("sun.net.www.") || type.startsWith("java.net.")) {
                step = SDK_POST;
            }
        }
        return step;
    }

    /** The step a frame of the gateway's own code marks; {@code null} when it marks none. */
    private static EchoStep gatewayStep(String type, String method) {
        if (type.equals(GATEWAY + "server.LocalConnection") && method.equals("send")) {
            return FRAME_OUT;
        }
        if (type.startsWith(GATEWAY + "server.ManagementApiHandler")) {
            return MANAGEMENT_API;
        }
        if (type.startsWith(GATEWAY + "server.MessageRouter") || type.startsWith(GATEWAY + "server.BodyField")
                || type.startsWith(GATEWAY + "events.")) {
            return ROUTE;
        }
        if (type.startsWith(GATEWAY + "function.")) {
            return HAND_OFF;
        }
        if (type.startsWith(GATEWAY + "log.")) {
            return LOGS;
        }
        return null;
    }

    /** The step a frame of Jetty's marks, under none of the gateway's; {@code null} when it marks none. */
    private static EchoStep jettyStep(String type) {
        if (type.startsWith("org.eclipse.jetty.websocket.core.internal.FrameFlusher")) {
            return FRAME_OUT;
        }
        if (type.startsWith("org.eclipse.jetty.websocket.")) {
            return FRAME_IN;
        }
        if (type.startsWith("org.eclipse.jetty.server.") || type.startsWith("org.eclipse.jetty.http.")) {
            return MANAGEMENT_API;
        }
        return null;
    }
}
