// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Runs the project's WebSocket API on localhost until it is stopped (Ctrl+C): the local gateway
 * reads {@code template.yaml} and runs its functions from the project's compiled classes and
 * runtime dependencies, in a JVM of its own started with the JDK that runs Maven (so of Maven's
 * version).
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class RunMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** The SAM template whose WebSocket API to run. */
    @Parameter(property = "local.template", defaultValue = "${project.basedir}/template.yaml")
    private File template;

    /** The port for WebSocket clients, the Management API and the development identity provider; 0 takes a free one. */
    @Parameter(property = "local.port", defaultValue = "8080")
    private int port;

    /** The interface to listen on. */
    @Parameter(property = "local.host", defaultValue = "localhost")
    private String host;

    /** The API key clients must send; a random one per start if unset. */
    @Parameter(property = "local.apiKey")
    private String apiKey;

    /** API Gateway's idle timeout, as an ISO-8601 duration. */
    @Parameter(property = "local.idleTimeout", defaultValue = "PT10M")
    private String idleTimeout;

    /** How long the Management API takes to answer each request, as an ISO-8601 duration; API Gateway's is some tens of milliseconds. */
    @Parameter(property = "local.managementApiLatency", defaultValue = "PT0S")
    private String managementApiLatency;

    /** API Gateway's quota of new connections per second; a handshake past it is refused with 429. */
    @Parameter(property = "local.newConnectionsPerSecond", defaultValue = "500")
    private int newConnectionsPerSecond;

    /**
     * Where the development identity provider keeps its key pair between runs: its tokens stay valid
     * across restarts (until they expire), and a start need not make a new key.
     */
    @Parameter(property = "local.developmentKeyFile", defaultValue = "${project.build.directory}/local-gateway/development-key.json")
    private File developmentKeyFile;

    /** A real identity provider's JWKS URL, to accept its tokens instead of the development provider's. */
    @Parameter(property = "local.jwksUrl")
    private String jwksUrl;

    /** The issuer of the real identity provider's tokens; with {@code local.jwksUrl}. */
    @Parameter(property = "local.jwtIssuer")
    private String jwtIssuer;

    /** The audience of the real identity provider's tokens; with {@code local.jwksUrl}. */
    @Parameter(property = "local.jwtAudience")
    private String jwtAudience;

    /** Template parameter values, {@code Name=Value} separated by commas, as {@code sam deploy --parameter-overrides} takes them. */
    @Parameter(property = "local.parameters")
    private List<String> parameters;

    /**
     * The class-data archive of the gateway's JVM (JDK 19 and newer): the first start writes it as it
     * stops, and the next ones start from it, some 0.4 s sooner. {@code -Dlocal.jvmArgs=-Xshare:off} starts without it.
     */
    @Parameter(property = "local.classDataArchive", defaultValue = "${project.build.directory}/local-gateway/gateway.jsa")
    private File classDataArchive;

    /** Options for the gateway's JVM, e.g. {@code -Xmx1g}. */
    @Parameter(property = "local.jvmArgs")
    private List<String> jvmArgs;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (!template.isFile()) {
            throw new MojoFailureException("No template at " + template + ": set local.template to the SAM template of the WebSocket API");
        }
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Runtime.Version javaVersion = Runtime.version();
        List<Path> gatewayClassPath = gatewayClassPath();
        ClassDataArchive archive = new ClassDataArchive(classDataArchive.toPath());
        try {
            archive.prepareFor(java, javaVersion, gatewayClassPath);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("local.classDataArchive: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot prepare the gateway's class-data archive " + archive.archive(), e);
        }
        List<String> command = GatewayCommand.builder(java, javaVersion)
                .jvmArgs(jvmArgs)
                .classDataArchive(archive.archive())
                .gatewayClassPath(gatewayClassPath)
                .functionClassPath(functionClassPath())
                .template(template.toPath())
                .option("--host", host)
                .option("--port", Integer.toString(port))
                .option("--api-key", apiKey)
                .option("--idle-timeout", idleTimeout)
                .option("--management-api-latency", managementApiLatency)
                .option("--new-connections-per-second", Integer.toString(newConnectionsPerSecond))
                .option("--development-key-file", developmentKeyFile.getPath())
                .option("--jwks-url", jwksUrl)
                .option("--jwt-issuer", jwtIssuer)
                .option("--jwt-audience", jwtAudience)
                .parameters(parameters)
                .build();
        getLog().debug("Starting the local gateway: " + String.join(" ", command));
        int exitCode = runUntilStopped(command);
        if (exitCode != 0 && exitCode != 130 && exitCode != 143) {
            throw new MojoFailureException("The local gateway stopped with exit code " + exitCode + "; its output above says why");
        }
    }

    private List<Path> gatewayClassPath() {
        return plugin.getArtifacts().stream()
                .filter(artifact -> !artifact.equals(plugin.getPluginArtifact()))
                .map(Artifact::getFile)
                .map(File::toPath)
                .collect(Collectors.toList());
    }

    private List<Path> functionClassPath() throws MojoExecutionException {
        try {
            return project.getRuntimeClasspathElements().stream().map(Path::of).collect(Collectors.toList());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime dependencies are not resolved", e);
        }
    }

    /** Runs the gateway's JVM with this console; stopping Maven (Ctrl+C, kill, an IDE's stop button) stops it too. */
    private int runUntilStopped(List<String> command) throws MojoExecutionException {
        Process gateway;
        try {
            gateway = new ProcessBuilder(command).directory(project.getBasedir()).inheritIO().start();
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot start the local gateway's JVM", e);
        }
        Thread stopGateway = new Thread(gateway::destroy, "stop-local-gateway");
        Runtime.getRuntime().addShutdownHook(stopGateway);
        try {
            return gateway.waitFor();
        } catch (InterruptedException e) {
            gateway.destroy();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Interrupted while the local gateway ran", e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopGateway);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the gateway is being stopped.
            }
        }
    }
}
