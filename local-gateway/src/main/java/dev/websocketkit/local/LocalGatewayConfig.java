// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import dev.websocketkit.local.internal.identity.IdentityProvider;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How to run a {@link LocalGateway}. Build one with {@link #forTemplate(Path)}. */
public final class LocalGatewayConfig {

    private final Path template;
    private String host = "localhost";
    private int port = 8080;
    private String apiKey = randomKey();
    private Duration idleTimeout = Duration.ofMinutes(10);
    private Duration maxConnectionDuration = Duration.ofHours(2);
    private Duration managementApiLatency = Duration.ZERO;
    private int newConnectionsPerSecond = 500;
    private IdentityProvider identityProvider;
    private Path developmentKeyFile;
    private List<String> identityParameters;
    private final Map<String, String> parameterOverrides = new LinkedHashMap<>();
    private ClassLoader functionClasses = LocalGatewayConfig.class.getClassLoader();
    private PrintStream out = System.out;

    private LocalGatewayConfig(Path template) {
        this.template = Objects.requireNonNull(template, "template");
    }

    /** API Gateway's limits and a random API key on port 8080 of localhost, the functions' classes from the gateway's class path. */
    public static LocalGatewayConfig forTemplate(Path template) {
        return new LocalGatewayConfig(template);
    }

    /** Port 0 takes any free port. */
    public LocalGatewayConfig port(int port) {
        this.port = port;
        return this;
    }

    /** The interface to listen on; the loopback by default, so that nothing outside this machine reaches the gateway. */
    public LocalGatewayConfig host(String host) {
        this.host = host;
        return this;
    }

    /** The key clients must present on routes with {@code ApiKeyRequired}. */
    public LocalGatewayConfig apiKey(String apiKey) {
        this.apiKey = Objects.requireNonNull(apiKey, "apiKey");
        return this;
    }

    public LocalGatewayConfig idleTimeout(Duration idleTimeout) {
        this.idleTimeout = idleTimeout;
        return this;
    }

    public LocalGatewayConfig maxConnectionDuration(Duration maxConnectionDuration) {
        this.maxConnectionDuration = maxConnectionDuration;
        return this;
    }

    /**
     * API Gateway's quota of new connections per second (500 by default, per account and Region);
     * a handshake past it is refused with 429, before the authorizer or {@code $connect} runs.
     */
    public LocalGatewayConfig newConnectionsPerSecond(int newConnectionsPerSecond) {
        if (newConnectionsPerSecond < 1) {
            throw new IllegalArgumentException("newConnectionsPerSecond must be at least 1: " + newConnectionsPerSecond);
        }
        this.newConnectionsPerSecond = newConnectionsPerSecond;
        return this;
    }

    /**
     * Answers each Management API request after this latency (API Gateway's is some tens of
     * milliseconds), to see how code that posts to many connections behaves at that speed.
     */
    public LocalGatewayConfig managementApiLatency(Duration managementApiLatency) {
        if (managementApiLatency.isNegative()) {
            throw new IllegalArgumentException("managementApiLatency must not be negative: " + managementApiLatency);
        }
        this.managementApiLatency = managementApiLatency;
        return this;
    }

    /** Verify tokens of this identity provider instead of starting the development one. */
    public LocalGatewayConfig identityProvider(String jwksUrl, String issuer, String audience) {
        this.identityProvider = new IdentityProvider(jwksUrl, issuer, audience);
        return this;
    }

    /**
     * Where the development identity provider keeps its key pair between runs, so that the tokens
     * it issued stay valid across restarts and a start need not make a new RSA key. Without it, each
     * start makes a key of its own.
     */
    public LocalGatewayConfig developmentKeyFile(Path developmentKeyFile) {
        this.developmentKeyFile = developmentKeyFile;
        return this;
    }

    /**
     * The template parameters (JWKS URL, issuer, audience, in this order) that receive the identity
     * provider's values, instead of those the template's {@code Metadata.LocalGateway.IdentityParameters}
     * names.
     */
    public LocalGatewayConfig identityParameters(String jwksUrl, String issuer, String audience) {
        this.identityParameters = List.of(jwksUrl, issuer, audience);
        return this;
    }

    /** A template parameter's value, as {@code sam deploy --parameter-overrides} would give it. */
    public LocalGatewayConfig parameter(String name, String value) {
        parameterOverrides.put(name, value);
        return this;
    }

    /** Where the functions' classes and resources are read from; by default the gateway's own class path. */
    public LocalGatewayConfig functionClasses(ClassLoader functionClasses) {
        this.functionClasses = Objects.requireNonNull(functionClasses, "functionClasses");
        return this;
    }

    /** Where the banner, the gateway's lines and the functions' logs are printed. */
    public LocalGatewayConfig out(PrintStream out) {
        this.out = out;
        return this;
    }

    Path template() {
        return template;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String apiKey() {
        return apiKey;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    Duration maxConnectionDuration() {
        return maxConnectionDuration;
    }

    Duration managementApiLatency() {
        return managementApiLatency;
    }

    int newConnectionsPerSecond() {
        return newConnectionsPerSecond;
    }

    Optional<IdentityProvider> identityProvider() {
        return Optional.ofNullable(identityProvider);
    }

    Optional<Path> developmentKeyFile() {
        return Optional.ofNullable(developmentKeyFile);
    }

    Optional<List<String>> identityParameters() {
        return Optional.ofNullable(identityParameters);
    }

    Map<String, String> parameterOverrides() {
        return Map.copyOf(parameterOverrides);
    }

    ClassLoader functionClasses() {
        return functionClasses;
    }

    PrintStream out() {
        return out;
    }

    private static String randomKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
