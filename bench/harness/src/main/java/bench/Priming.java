// SPDX-License-Identifier: Apache-2.0

package bench;

import java.lang.reflect.Method;
import software.amazon.awssdk.core.warmup.SdkWarmUp;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The ways of priming a handler before SnapStart's snapshot that the benchmark compares; a class
 * of its own so the floor never loads them.
 */
final class Priming {

    private Priming() {
    }

    /**
     * {@code none}; {@code handler}: what the generated handler registers to run before the
     * snapshot, its {@code prime()} (called directly: this JVM cannot checkpoint); {@code sdk-warm-up}:
     * the SDK's own warm-up of the Management API client; {@code both}: the SDK's, then the handler's.
     */
    static void run(String how, Object handler) throws Exception {
        switch (how) {
            case "none" -> {
            }
            case "handler" -> primeMethod(handler.getClass()).invoke(handler);
            case "sdk-warm-up" -> SdkWarmUp.warmUp(ApiGatewayManagementApiClient.class);
            case "both" -> {
                SdkWarmUp.warmUp(ApiGatewayManagementApiClient.class);
                primeMethod(handler.getClass()).invoke(handler);
            }
            default -> throw new IllegalArgumentException(how);
        }
    }

    private static Method primeMethod(Class<?> type) throws NoSuchMethodException {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            for (Method method : current.getDeclaredMethods()) {
                if (method.getName().equals("prime") && method.getParameterCount() == 0) {
                    method.setAccessible(true);
                    return method;
                }
            }
        }
        throw new NoSuchMethodException(type.getName() + " has no prime()");
    }
}
