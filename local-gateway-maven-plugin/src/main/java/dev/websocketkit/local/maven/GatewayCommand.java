// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The command line of the local gateway's JVM: {@code java [jvm args] -cp <gateway> dev.websocketkit.local.internal.cli.Main <options>}. */
final class GatewayCommand {

    static final String MAIN_CLASS = "dev.websocketkit.local.internal.cli.Main";
    /**
     * DynamoDB Local loads SQLite's native library, which JDK 24 and newer warn about unless native
     * access is granted; Jetty logs warnings only.
     */
    static final List<String> DEFAULT_JVM_ARGS = List.of("--enable-native-access=ALL-UNNAMED", "-Dorg.eclipse.jetty.LEVEL=WARN");
    /**
     * Pekko, under ElasticMQ, uses {@code sun.misc.Unsafe}'s memory access, which JDK 24 and newer
     * warn about; the option that allows it, quietly, exists from JDK 23 on and stops older JVMs.
     */
    static final String ALLOW_UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";
    private static final int FIRST_WITH_UNSAFE_MEMORY_ACCESS_OPTION = 23;
    /** A JVM without a usable archive writes one as it exits; the next start uses it. */
    static final String AUTO_CREATE_SHARED_ARCHIVE = "-XX:+AutoCreateSharedArchive";
    private static final int FIRST_WITH_AUTO_CREATED_ARCHIVE = 19;
    /**
     * The archive's warnings name the classes it leaves out, such as each function's copy of a class,
     * and the archive it could not use before it writes a new one: nothing for a user to act on.
     */
    static final String QUIET_ARCHIVE = "-Xlog:cds*=off";

    private final Path java;
    private final Runtime.Version javaVersion;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> options = new ArrayList<>();
    private List<Path> gatewayClassPath = List.of();
    private List<Path> dynamoDbLocalClassPath = List.of();
    private Path classDataArchive;

    private GatewayCommand(Path java, Runtime.Version javaVersion) {
        this.java = java;
        this.javaVersion = javaVersion;
    }

    /** @param javaVersion the version of {@code java}, whose options differ */
    static GatewayCommand builder(Path java, Runtime.Version javaVersion) {
        return new GatewayCommand(java, javaVersion);
    }

    GatewayCommand jvmArgs(List<String> args) {
        if (args != null) {
            args.stream().filter(arg -> !arg.isBlank()).forEach(jvmArgs::add);
        }
        return this;
    }

    /**
     * The gateway and its dependencies. DynamoDB Local's jar goes to a class loader of its own, since
     * its manifest names a directory and the JVM keeps no class-data archive for a class path with
     * one; sqlite4java's goes with it, since DynamoDB Local loads SQLite's native library, which the
     * JVM binds to DynamoDB Local's loader, and only classes of that loader may call it.
     */
    GatewayCommand gatewayClassPath(List<Path> classPath) {
        this.gatewayClassPath = classPath.stream().filter(jar -> !isDynamoDbLocals(jar)).toList();
        this.dynamoDbLocalClassPath = classPath.stream().filter(GatewayCommand::isDynamoDbLocals).toList();
        return this;
    }

    private static boolean isDynamoDbLocals(Path jar) {
        String name = jar.getFileName().toString();
        return name.endsWith(".jar") && (name.startsWith("DynamoDBLocal-") || name.startsWith("sqlite4java-"));
    }

    /**
     * The class-data archive of the gateway's classes, written by one start for the next, which
     * then starts sooner. JVMs before 19 cannot keep such an archive up to date, and start without it.
     */
    GatewayCommand classDataArchive(Path archive) {
        this.classDataArchive = archive;
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
        if (javaVersion.feature() >= FIRST_WITH_UNSAFE_MEMORY_ACCESS_OPTION) {
            command.add(ALLOW_UNSAFE_MEMORY_ACCESS);
        }
        if (classDataArchive != null && javaVersion.feature() >= FIRST_WITH_AUTO_CREATED_ARCHIVE) {
            command.addAll(List.of(AUTO_CREATE_SHARED_ARCHIVE, "-XX:SharedArchiveFile=" + classDataArchive, QUIET_ARCHIVE));
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(join(gatewayClassPath));
        command.add(MAIN_CLASS);
        if (!dynamoDbLocalClassPath.isEmpty()) {
            command.add("--dynamodb-local-classpath");
            command.add(join(dynamoDbLocalClassPath));
        }
        command.addAll(options);
        return command;
    }

    private static String join(List<Path> classPath) {
        return classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }
}
