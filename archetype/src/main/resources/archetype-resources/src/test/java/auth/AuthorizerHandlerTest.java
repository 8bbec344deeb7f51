package ${package}.auth;

import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.websocketkit.local.template.Intrinsics;
import dev.websocketkit.local.template.SamTemplate;
import dev.websocketkit.local.testing.CapturingContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
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

    private static JwksServer jwks;

    private AuthorizerHandler authorizer;
    private CapturingContext context;

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
        authorizer = new AuthorizerHandler(TokenVerifier.forIdentityProvider(jwks.url(), TestTokens.ISSUER, TestTokens.AUDIENCE), DEFAULT_API_KEY);
        context = new CapturingContext();
    }

    /** Whatever a test did, nothing secret reached the log. */
    @AfterEach
    void logsNoToken() {
        for (String line : context.logLines()) {
            assertFalse(line.contains("eyJ"), "a token in the log: " + line);
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
        assertTrue(context.logLines().contains("Rejected a connection: token in more than one place"), context.logLines().toString());
    }

    @Test
    void refusesTheBearerSubprotocolWithoutAToken() {
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Sec-WebSocket-Protocol", "bearer"), Map.of()));
    }

    @Test
    void passesOnTheApiKeyAClientSent() {
        IamPolicyResponseV1 policy = authorize(Map.of("Authorization", "Bearer " + TOKENS.valid(), "X-Api-Key", "the-client-application-key"), Map.of());

        assertEquals("the-client-application-key", policy.getUsageIdentifierKey());
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
        Intrinsics stack = new Intrinsics(template, "echo-app", Map.of());
        assertEquals("$context.authorizer.usageIdentifierKey", propertiesOf(template, "WebSocketApi").get("ApiKeySelectionExpression"));
        Object environment = mapOrEmpty(mapOrEmpty(propertiesOf(template, "AuthorizerFunction").get("Environment")).get("Variables"))
                .get(AuthorizerHandler.DEFAULT_API_KEY_VARIABLE);
        AuthorizerHandler deployed = new AuthorizerHandler(
                TokenVerifier.forIdentityProvider(jwks.url(), TestTokens.ISSUER, TestTokens.AUDIENCE), stack.resolve(environment));

        String key = deployed.handleRequest(event(Map.of(), Map.of("token", TOKENS.valid())), context).getUsageIdentifierKey();

        List<String> keysOfTheUsagePlan = template.resourcesOfType("AWS::ApiGateway::UsagePlanKey").values().stream()
                .map(usagePlanKey -> (String) mapOrEmpty(properties(usagePlanKey).get("KeyId")).get("Ref"))
                .map(keyId -> stack.resolve(propertiesOf(template, keyId).get("Value")))
                .toList();
        assertTrue(keysOfTheUsagePlan.contains(key), key + " is one of " + keysOfTheUsagePlan);
    }

    @Test
    void readsTheAuthorizationHeaderWhateverItsCase() {
        assertEquals(TestTokens.SUBJECT, authorize(Map.of("authorization", "bearer " + TOKENS.valid()), Map.of()).getPrincipalId());
    }

    @Test
    void toleratesASmallClockSkew() {
        String token = TOKENS.rs256(claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(30))));

        assertEquals(TestTokens.SUBJECT, authorize(Map.of("Authorization", "Bearer " + token), Map.of()).getPrincipalId());
    }

    static Stream<Arguments> rejectedTokens() {
        Instant now = Instant.now();
        return Stream.of(
                Arguments.of("expired", TOKENS.rs256(claims -> claims.expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))),
                Arguments.of("not yet valid", TOKENS.rs256(claims -> claims.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)))))),
                Arguments.of("wrong issuer", TOKENS.rs256(claims -> claims.issuer("https://evil.example.test"))),
                Arguments.of("wrong audience", TOKENS.rs256(claims -> claims.audience("someone-else"))),
                Arguments.of("no subject", TOKENS.rs256(claims -> claims.subject(null))),
                Arguments.of("no expiry", TOKENS.rs256(claims -> claims.expirationTime(null))),
                Arguments.of("bad signature", TestTokens.tampered(TOKENS.valid())),
                Arguments.of("signed by an unknown key with a known kid", TOKENS.rs256(TOKENS.impostor, claims -> claims)),
                Arguments.of("alg none", TOKENS.unsigned()),
                Arguments.of("HMAC keyed with the public key", TOKENS.hmacWithPublicKey()),
                Arguments.of("unknown kid", TOKENS.rs256(TOKENS.rotated, claims -> claims)),
                Arguments.of("garbage", "not-a-jwt"),
                Arguments.of("three garbage parts", "abc.def.ghi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedTokens")
    void rejectsAnInvalidTokenAsUnauthorized(String attack, String token) {
        UnauthorizedException rejection = assertThrows(UnauthorizedException.class,
                () -> authorize(Map.of("Authorization", "Bearer " + token), Map.of()));

        assertEquals("Unauthorized", rejection.getMessage(), "API Gateway answers 401 for exactly this message");
        assertTrue(context.logLines().stream().anyMatch(line -> line.startsWith("Rejected a connection: ")), attack);
        assertTrue(context.logLines().stream().noneMatch(line -> line.contains(token)), "the token is not logged");
    }

    @Test
    void rejectsAHandshakeWithoutAToken() {
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("x-api-key", "a-key"), Map.of()));
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Basic dXNlcjpwYXNz"), Map.of()));
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Bearer "), Map.of()));
        assertEquals(List.of("Rejected a connection: no bearer token"), context.logLines().subList(0, 1));
    }

    @Test
    void downloadsTheJwksOnceAndAgainForANewKeyButAtMostOnceAMinute() throws Exception {
        try (JwksServer rotating = new JwksServer(List.of(TOKENS.rsa.toPublicJWK()))) {
            AuthorizerHandler handler = new AuthorizerHandler(
                    TokenVerifier.forIdentityProvider(rotating.url(), TestTokens.ISSUER, TestTokens.AUDIENCE), DEFAULT_API_KEY);

            for (int i = 0; i < 5; i++) {
                handler.handleRequest(event(Map.of("Authorization", "Bearer " + TOKENS.valid()), Map.of()), context);
            }
            assertEquals(1, rotating.downloads(), "the JWKS is cached");

            rotating.publish(TOKENS.rotated.toPublicJWK());
            String rotatedToken = TOKENS.rs256(TOKENS.rotated, claims -> claims);
            assertEquals(TestTokens.SUBJECT, handler.handleRequest(event(Map.of("Authorization", "Bearer " + rotatedToken), Map.of()), context)
                    .getPrincipalId(), "a new key id triggers a refresh");
            assertEquals(2, rotating.downloads());

            String unknown = TOKENS.rs256(TOKENS.unpublished, claims -> claims);
            for (int i = 0; i < 3; i++) {
                assertThrows(UnauthorizedException.class,
                        () -> handler.handleRequest(event(Map.of("Authorization", "Bearer " + unknown), Map.of()), context));
            }
            assertEquals(2, rotating.downloads(), "unknown key ids do not hammer the identity provider");
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
