package com.example.auth;

import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.nimbusds.jose.JOSEObjectType;
import dev.websocketkit.local.template.SamTemplate;
import dev.websocketkit.local.testing.LocalContext;
import dev.websocketkit.local.testing.StandardOutputCapture;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The $connect authorizer against a real JWKS endpoint, with one test per attack. */
class AuthorizerHandlerTest {

    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123xyz0/prod/$connect";
    private static final TestTokens TOKENS = new TestTokens();
    private static final String DEFAULT_API_KEY = "echo-app-default-key-for-browsers";
    private static final String CLIENT_API_KEY = "the-client-application-key";

    private static JwksServer jwks;

    private static final Metrics METRICS = new Metrics("test-api");

    private AuthorizerHandler authorizer;
    private LocalContext context;
    private StandardOutputCapture output;

    @BeforeAll
    static void startJwks() {
        jwks = new JwksServer(List.of(TOKENS.rsa.toPublicJWK(), TOKENS.ec.toPublicJWK()));
    }

    @AfterAll
    static void stopJwks() {
        jwks.close();
    }

    @BeforeEach
    void createAuthorizer() {
        authorizer = new AuthorizerHandler(TokenVerifier.forIdentityProvider(jwks.url(), TestTokens.ISSUER, TestTokens.AUDIENCE),
                DEFAULT_API_KEY, METRICS);
        context = new LocalContext();
        output = StandardOutputCapture.start();
    }

    /** Whatever a test did, nothing secret reached the log: no token, no API key. */
    @AfterEach
    void logsNoTokenOrKey() {
        output.close();
        for (String line : output.lines()) {
            assertFalse(line.contains("eyJ"), "a token in the log: " + line);
            assertFalse(line.contains(CLIENT_API_KEY) || line.contains(DEFAULT_API_KEY), "an API key in the log: " + line);
        }
    }

    @Test
    void allowsAValidRs256TokenAndPassesItsSubjectOn() {
        IamPolicyResponseV1 policy = authorize(Map.of("Authorization", "Bearer " + TOKENS.valid()), Map.of());

        assertEquals(TestTokens.SUBJECT, policy.getPrincipalId());
        assertEquals(Map.of("principal", TestTokens.SUBJECT), policy.getContext());
        Map<?, ?>[] statements = (Map<?, ?>[]) policy.getPolicyDocument().get("Statement");
        assertEquals(1, statements.length);
        Map<?, ?> statement = statements[0];
        assertEquals("Allow", statement.get("Effect"));
        assertEquals("execute-api:Invoke", statement.get("Action"));
        assertArrayEquals(new String[] {METHOD_ARN}, (String[]) statement.get("Resource"));
    }

    @Test
    void allowsAValidEs256Token() {
        assertEquals(TestTokens.SUBJECT, authorize(Map.of("Authorization", "Bearer " + TOKENS.es256()), Map.of()).getPrincipalId());
    }

    @Test
    void acceptsTheTokenFromTheQueryStringForBrowsers() {
        assertEquals(TestTokens.SUBJECT, authorize(Map.of(), Map.of("token", TOKENS.valid())).getPrincipalId());
    }

    @Test
    void acceptsTheTokenAsTheSubprotocolAfterBearerForBrowsers() {
        IamPolicyResponseV1 policy = authorize(Map.of("Sec-WebSocket-Protocol", "bearer, " + TOKENS.valid()), Map.of());

        assertEquals(TestTokens.SUBJECT, policy.getPrincipalId());
    }

    @Test
    void refusesATokenInMoreThanOnePlace() {
        String token = TOKENS.valid();

        assertThrows(UnauthorizedException.class,
                () -> authorize(Map.of("Authorization", "Bearer " + token), Map.of("token", token)));
        assertThrows(UnauthorizedException.class,
                () -> authorize(Map.of("Sec-WebSocket-Protocol", "bearer, " + token), Map.of("token", token)));
        assertEquals(List.of("token in more than one place", "token in more than one place"), rejectionReasons());
    }

    @Test
    void rejectsAHandshakeWithoutAToken() {
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("x-api-key", "a-key"), Map.of()));
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Basic dXNlcjpwYXNz"), Map.of()));
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Bearer "), Map.of()));
        assertEquals(List.of("no bearer token", "no bearer token", "no bearer token"), rejectionReasons());
    }

    @Test
    void refusesTheBearerSubprotocolWithoutAToken() {
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Sec-WebSocket-Protocol", "bearer"), Map.of()));
    }

    @Test
    void passesOnTheApiKeyAClientSent() {
        IamPolicyResponseV1 policy = authorize(Map.of("Authorization", "Bearer " + TOKENS.valid(), "X-Api-Key", CLIENT_API_KEY), Map.of());

        assertEquals(CLIENT_API_KEY, policy.getUsageIdentifierKey());
    }

    @Test
    void assignsTheDefaultApiKeyToAClientThatCannotSendHeaders() {
        IamPolicyResponseV1 policy = authorize(Map.of(), Map.of("token", TOKENS.valid()));

        assertEquals(DEFAULT_API_KEY, policy.getUsageIdentifierKey());
    }

    /** What API Gateway will check: the key the authorizer picks for a browser is one the template binds to the usage plan. */
    @Test
    void aClientWithoutHeadersPassesTheApiKeyCheckOfTheDeployedApi() {
        SamTemplate template = SamTemplate.load(Path.of("template.yaml"));
        assertEquals("$context.authorizer.usageIdentifierKey", propertiesOf(template, "WebSocketApi").get("ApiKeySelectionExpression"));
        Object environment = mapOrEmpty(mapOrEmpty(propertiesOf(template, "AuthorizerFunction").get("Environment")).get("Variables"))
                .get(AuthorizerHandler.DEFAULT_API_KEY_VARIABLE);
        AuthorizerHandler deployed = new AuthorizerHandler(
                TokenVerifier.forIdentityProvider(jwks.url(), TestTokens.ISSUER, TestTokens.AUDIENCE), template.resolve(environment, "echo-app"), METRICS);

        String key = deployed.handleRequest(event(Map.of(), Map.of("token", TOKENS.valid())), context).getUsageIdentifierKey();

        List<String> keysOfTheUsagePlan = template.resourcesOfType("AWS::ApiGateway::UsagePlanKey").values().stream()
                .map(usagePlanKey -> (String) mapOrEmpty(properties(usagePlanKey).get("KeyId")).get("Ref"))
                .map(keyId -> template.resolve(propertiesOf(template, keyId).get("Value"), "echo-app"))
                .toList();
        assertTrue(keysOfTheUsagePlan.contains(key), key + " is one of " + keysOfTheUsagePlan);
    }

    @Test
    void readsTheAuthorizationHeaderWhateverItsCase() {
        assertEquals(TestTokens.SUBJECT, authorize(Map.of("authorization", "bearer " + TOKENS.valid()), Map.of()).getPrincipalId());
    }

    static Stream<Arguments> rejectedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", TOKENS.rs256(claims -> claims.expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))), "expired"),
                Arguments.of("not yet valid", TOKENS.rs256(claims -> claims.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5))))),
                        "not yet valid"),
                Arguments.of("wrong issuer", TOKENS.rs256(claims -> claims.issuer("https://evil.example.test")), "wrong issuer"),
                Arguments.of("wrong audience", TOKENS.rs256(claims -> claims.audience("someone-else")), "wrong audience"),
                Arguments.of("audience list without ours", TOKENS.rs256(claims -> claims.audience(List.of("a", "b"))), "wrong audience"),
                Arguments.of("no subject", TOKENS.rs256(claims -> claims.subject(null)), "no subject"),
                Arguments.of("empty subject", TOKENS.rs256(claims -> claims.subject("")), "no subject"),
                Arguments.of("blank subject", TOKENS.rs256(claims -> claims.subject("  ")), "no subject"),
                Arguments.of("no expiry", TOKENS.rs256(claims -> claims.expirationTime(null)), "no expiry"),
                Arguments.of("bad signature", TestTokens.tampered(TOKENS.valid()), "invalid signature"),
                Arguments.of("signed by an unknown key with a known kid", TOKENS.rs256(TOKENS.impostor, claims -> claims), "invalid signature"),
                Arguments.of("alg none", TOKENS.unsigned(), "not a signed token"),
                Arguments.of("HMAC keyed with the public key", TOKENS.hmacWithPublicKey(), "algorithm not allowed"),
                Arguments.of("RS384, validly signed", TOKENS.rs384(), "algorithm not allowed"),
                Arguments.of("ES256 naming an RSA key", TOKENS.es256WithRsaKeyId(), "unknown key"),
                Arguments.of("typ other than JWT", TOKENS.withHeader(header -> header.type(new JOSEObjectType("at+jwt"))), "not a JWT"),
                Arguments.of("typ with a forged log line", TOKENS.withHeader(header -> header.type(
                        new JOSEObjectType("JWT\nAuthorized admin"))), "not a JWT"),
                Arguments.of("unknown critical header", TOKENS.withHeader(header -> header.criticalParams(Set.of("urn:example:must-understand"))
                        .customParam("urn:example:must-understand", true)), "critical header extension"),
                Arguments.of("no kid", TOKENS.withHeader(header -> header.keyID(null)), "no key id"),
                Arguments.of("embedded jwk of the signer, a known kid", TOKENS.withHeader(TOKENS.impostor,
                        header -> header.jwk(TOKENS.impostor.toPublicJWK())), "invalid signature"),
                Arguments.of("x5u pointing elsewhere", TOKENS.withHeader(TOKENS.unpublished,
                        header -> header.x509CertURL(URI.create("https://evil.example.test/cert.pem"))), "unknown key"),
                Arguments.of("encrypted, not signed", TOKENS.encrypted(), "not a signed token"),
                Arguments.of("unknown kid", TOKENS.rs256(TOKENS.unpublished, claims -> claims), "unknown key"),
                Arguments.of("garbage", "not-a-jwt", "malformed token"),
                Arguments.of("three garbage parts", "abc.def.ghi", "malformed token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void rejectsAnInvalidTokenAsUnauthorizedSayingWhyInAFixedPhrase(String attack, String token, String reason) {
        UnauthorizedException rejection = assertThrows(UnauthorizedException.class,
                () -> authorize(Map.of("Authorization", "Bearer " + token), Map.of()));

        assertEquals("Unauthorized", rejection.getMessage(), "API Gateway answers 401 for exactly this message");
        assertEquals(List.of("Rejected a connection"), output.messages(), attack + ": one line, however the token is made");
        assertEquals(List.of(reason), rejectionReasons(), attack);
        assertEquals(Map.of("ConnectionsRejected", 1.0), output.metrics());
    }

    @Test
    void acceptsAnAudienceListThatHoldsOurs() {
        String token = TOKENS.rs256(claims -> claims.audience(List.of("another-api", TestTokens.AUDIENCE)));

        assertEquals(TestTokens.SUBJECT, authorize(Map.of("Authorization", "Bearer " + token), Map.of()).getPrincipalId());
    }

    /** A header's key URL is never fetched: keys come from the configured JWKS only. */
    @Test
    void neverFetchesTheKeysATokenPointsTo() {
        try (JwksServer attacker = new JwksServer(List.of(TOKENS.unpublished.toPublicJWK()))) {
            String token = TOKENS.withHeader(TOKENS.unpublished, header -> header.jwkURL(URI.create(attacker.url())));

            assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Bearer " + token), Map.of()));
            assertEquals(0, attacker.downloads());
            assertEquals(List.of("unknown key"), rejectionReasons());
        }
    }

    @Test
    void allowsAMinuteOfClockSkewAndNotASecondMore() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        AuthorizerHandler atTen = new AuthorizerHandler(TokenVerifier.forIdentityProvider(jwks.url(), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC)), DEFAULT_API_KEY, METRICS);
        String expiredAMinuteAgo = TOKENS.rs256(claims -> claims.issueTime(null).notBeforeTime(null)
                .expirationTime(Date.from(now.minus(ClaimRules.MAX_CLOCK_SKEW))));
        String expiredAMinuteAndASecondAgo = TOKENS.rs256(claims -> claims.issueTime(null).notBeforeTime(null)
                .expirationTime(Date.from(now.minus(ClaimRules.MAX_CLOCK_SKEW).minusSeconds(1))));
        String validInAMinute = TOKENS.rs256(claims -> claims.notBeforeTime(Date.from(now.plus(ClaimRules.MAX_CLOCK_SKEW))));
        String validInAMinuteAndASecond = TOKENS.rs256(claims -> claims.notBeforeTime(Date.from(now.plus(ClaimRules.MAX_CLOCK_SKEW).plusSeconds(1))));

        assertEquals(TestTokens.SUBJECT, atTen.handleRequest(event(Map.of(), Map.of("token", expiredAMinuteAgo)), context).getPrincipalId());
        assertEquals(TestTokens.SUBJECT, atTen.handleRequest(event(Map.of(), Map.of("token", validInAMinute)), context).getPrincipalId());
        assertThrows(UnauthorizedException.class, () -> atTen.handleRequest(event(Map.of(), Map.of("token", expiredAMinuteAndASecondAgo)), context));
        assertThrows(UnauthorizedException.class, () -> atTen.handleRequest(event(Map.of(), Map.of("token", validInAMinuteAndASecond)), context));
    }

    @Test
    void failsWithoutRejectingWhenTheIdentityProviderIsUnavailable() {
        try (JwksServer down = new JwksServer(List.of(TOKENS.rsa.toPublicJWK()))) {
            down.behave(JwksServer.Behaviour.FAIL_WITH_503);
            AuthorizerHandler handler = new AuthorizerHandler(
                    TokenVerifier.forIdentityProvider(down.url(), TestTokens.ISSUER, TestTokens.AUDIENCE), DEFAULT_API_KEY, METRICS);

            IdentityProviderUnavailableException failure = assertThrows(IdentityProviderUnavailableException.class,
                    () -> handler.handleRequest(event(Map.of("Authorization", "Bearer " + TOKENS.valid()), Map.of()), context));

            assertNotEquals("Unauthorized", failure.getMessage(), "API Gateway answers 500, not 401: the client did nothing wrong");
            Map<String, Object> line = output.logs().get(0);
            assertEquals("ERROR", line.get("level"));
            assertEquals("Cannot check tokens: the identity provider is unavailable", line.get("message"));
            assertTrue(((String) line.get("error")).startsWith("JWKS download failed"), line.toString());
        }
    }

    @Test
    void primesOfflineBeforeTheSnapshot() {
        int downloads = jwks.downloads();

        TokenVerifier.prime();

        assertEquals(downloads, jwks.downloads(), "priming never fetches the JWKS");
    }

    private static Map<String, Object> propertiesOf(SamTemplate template, String logicalId) {
        return properties(mapOrEmpty(template.resources().get(logicalId)));
    }

    private List<Object> rejectionReasons() {
        return output.logs().stream().filter(line -> "Rejected a connection".equals(line.get("message"))).map(line -> line.get("reason")).toList();
    }

    private IamPolicyResponseV1 authorize(Map<String, String> headers, Map<String, String> query) {
        return authorizer.handleRequest(event(headers, query), context);
    }

    private static APIGatewayCustomAuthorizerEvent event(Map<String, String> headers, Map<String, String> query) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setMethodArn(METHOD_ARN);
        event.setHeaders(headers);
        event.setQueryStringParameters(query.isEmpty() ? null : query);
        return event;
    }
}
