// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The command line of the local gateway's JVM: {@code java [jvm args] -cp <gateway> dev.websocketkit.local.Main <options>}. */
final class GatewayCommand {

    static final String MAIN_CLASS = "dev.websocketkit.local.Main";
    /**
     * DynamoDB Local loads SQLite's native library, which JDK 24 and newer warn about unless native
     * access is granted; Jetty logs warnings only.
     */
    static final List<String> DEFAULT_JVM_ARGS = List.of("--enable-native-access=ALL-UNNAMED", "-Dorg.eclipse.jetty.LEVEL=WARN");

    private final Path java;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private List<Path> gatewayClassPath = List.of();

    private GatewayCommand(Path java) {
        this.java = java;
    }

    static GatewayCommand builder(Path java) {
        return new GatewayCommand(java);
    }

    GatewayCommand jvmArgs(List<String> args) {
        if (args != null) {
            args.stream().filter(arg -> !arg.isBlank()).forEach(jvmArgs::add);
        }
        return this;
    }

    GatewayCommand gatewayClassPath(List<Path> classPath) {
        this.gatewayClassPath = List.copyOf(classPath);
        return this;
    }

    GatewayCommand functionClassPath(List<Path> classPath) {
        return option("--function-classpath", join(classPath));
    }

    GatewayCommand template(Path template) {
        return option("--template", template.toString());
    }

    /** Adds {@code name value}; a {@code null} or blank value leaves the option out, to the gateway's default. */
    GatewayCommand option(String name, String value) {
        if (value != null && !value.isBlank()) {
            options.add(name);
            options.add(value);
        }
        return this;
    }

    /** Each {@code Name=Value} becomes a {@code --parameter}. */
    GatewayCommand parameters(List<String> parameters) {
        if (parameters != null) {
            parameters.forEach(parameter -> option("--parameter", parameter.strip()));
        }
        return this;
    }

    List<String> build() {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(DEFAULT_JVM_ARGS);
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(join(gatewayClassPath));
        command.add(MAIN_CLASS);
        command.addAll(options);
        return command;
    }

    private static String join(List<Path> classPath) {
        return classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
