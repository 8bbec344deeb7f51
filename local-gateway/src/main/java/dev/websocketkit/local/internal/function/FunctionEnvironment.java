// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.function;

import java.io.PrintStream;
import java.util.Map;

/**
 * What {@code System.getenv}, {@code System.out} and {@code System.err} become in a function's
 * classes. Every {@link FunctionClassLoader} defines its own copy of this class, which answers with
 * that loader's environment and output.
 */
public final class FunctionEnvironment {

    private static final FunctionClassLoader LOADER = (FunctionClassLoader) FunctionEnvironment.class.getClassLoader();

    private FunctionEnvironment() {
    }

    public static Map<String, String> getenv() {
        return LOADER.environment();
    }

    public static String getenv(String name) {
        return LOADER.environment().get(name);
    }

    public static PrintStream out() {
        return LOADER.out();
    }

    public static PrintStream err() {
        return LOADER.err();
    }
}
