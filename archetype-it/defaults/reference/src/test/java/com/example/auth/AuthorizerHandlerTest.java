package com.example.auth;

import static dev.websocketkit.local.testing.TestIdentityProvider.AUDIENCE;
import static dev.websocketkit.local.testing.TestIdentityProvider.ISSUER;
import static dev.websocketkit.local.testing.TestIdentityProvider.RSA_KEY_ID;
import static dev.websocketkit.local.testing.TestIdentityProvider.SUBJECT;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import dev.websocketkit.local.testing.LocalContext;
import dev.websocketkit.local.testing.StandardOutputCapture;
import dev.websocketkit.local.testing.TestIdentityProvider;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The $connect authorizer against a real JWKS endpoint, with one test per attack. */
class AuthorizerHandlerTest {

    private static final String METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:abc123xyz0/prod/$connect";
    private static final String DEFAULT_API_KEY = "echo-app-default-key-for-browsers";
    private static final String CLIENT_API_KEY = "the-client-application-key";

    private static TestIdentityProvider identityProvider;

    private final LocalContext context = new LocalContext();
    private final AuthorizerHandler authorizer = authorizer(InstantSource.system());
    private final StandardOutputCapture output = StandardOutputCapture.start();

    @BeforeAll
    static void startIdentityProvider() {
        identityProvider = TestIdentityProvider.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        identityProvider.close();
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
    void allowsAValidTokenAndPassesItsSubjectOn() {
        IamPolicyResponseV1 policy = authorize(Map.of("Authorization", "Bearer " + identityProvider.token()), Map.of());

        assertEquals(SUBJECT, policy.getPrincipalId());
        assertEquals(Map.of("principal", SUBJECT), policy.getContext());
        Map<?, ?>[] statements = (Map<?, ?>[]) policy.getPolicyDocument().get("Statement");
        assertEquals(1, statements.length);
        assertEquals("Allow", statements[0].get("Effect"));
        assertEquals("execute-api:Invoke", statements[0].get("Action"));
        assertArrayEquals(new String[] {METHOD_ARN}, (String[]) statements[0].get("Resource"));
    }

    @Test
    void allowsEs256TokensAndAudienceListsThatHoldOurs() {
        String es256 = identityProvider.token(identityProvider.ecKey(), header -> header, claims -> claims);
        String audienceList = identityProvider.token(claims -> claims.audience(List.of("another-api", AUDIENCE)));

        assertEquals(SUBJECT, authorize(Map.of("Authorization", "Bearer " + es256), Map.of()).getPrincipalId());
        assertEquals(SUBJECT, authorize(Map.of("Authorization", "Bearer " + audienceList), Map.of()).getPrincipalId());
    }

    /** Browsers cannot set headers on a WebSocket handshake: they send the token in the query or as the subprotocol after "bearer". */
    @Test
    void findsTheTokenWhereverAClientCanPutIt() {
        assertEquals(SUBJECT, authorize(Map.of("authorization", "bearer " + identityProvider.token()), Map.of()).getPrincipalId());
        assertEquals(SUBJECT, authorize(Map.of(), Map.of("token", identityProvider.token())).getPrincipalId());
        assertEquals(SUBJECT, authorize(Map.of("Sec-WebSocket-Protocol", "bearer, " + identityProvider.token()), Map.of()).getPrincipalId());
    }

    @Test
    void refusesATokenInMoreThanOnePlace() {
        String token = identityProvider.token();

        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Bearer " + token), Map.of("token", token)));
        assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Sec-WebSocket-Protocol", "bearer, " + token), Map.of("token", token)));
        assertEquals(List.of("token in more than one place", "token in more than one place"), rejectionReasons());
    }

    @Test
    void rejectsAHandshakeWithoutAToken() {
        for (Map<String, String> headers : List.of(Map.of("x-api-key", "a-key"), Map.of("Authorization", "Basic dXNlcjpwYXNz"),
                Map.of("Authorization", "Bearer "), Map.of("Sec-WebSocket-Protocol", "bearer"))) {
            assertThrows(UnauthorizedException.class, () -> authorize(headers, Map.of()), headers.toString());
        }
        assertEquals(List.of("no bearer token", "no bearer token", "no bearer token", "no bearer token"), rejectionReasons());
    }

    @Test
    void passesOnTheApiKeyAClientSentAndTheDefaultKeyToAClientThatCannotSendHeaders() {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + identityProvider.token(), "X-Api-Key", CLIENT_API_KEY);

        assertEquals(CLIENT_API_KEY, authorize(headers, Map.of()).getUsageIdentifierKey());
        assertEquals(DEFAULT_API_KEY, authorize(Map.of(), Map.of("token", identityProvider.token())).getUsageIdentifierKey());
    }

    static Stream<Arguments> rejectedTokens() throws JOSEException {
        Instant now = Instant.now();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(RSA_KEY_ID).generate();
        OctetSequenceKey publicKeyAsSecret = new OctetSequenceKey.Builder(
                identityProvider.rsaKey().toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)).keyID(RSA_KEY_ID).build();
        String valid = identityProvider.token();
        String validClaims = new String(Base64URL.from(valid.split("\\.")[1]).decode(), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("expired", identityProvider.token(claims -> claims.expirationTime(Date.from(now.minusSeconds(300)))), "expired"),
                Arguments.of("not yet valid", identityProvider.token(claims -> claims.notBeforeTime(Date.from(now.plusSeconds(300)))), "not yet valid"),
                Arguments.of("wrong issuer", identityProvider.token(claims -> claims.issuer("https://evil.example.test")), "wrong issuer"),
                Arguments.of("wrong audience", identityProvider.token(claims -> claims.audience("someone-else")), "wrong audience"),
                Arguments.of("audience list without ours", identityProvider.token(claims -> claims.audience(List.of("a", "b"))), "wrong audience"),
                Arguments.of("no subject", identityProvider.token(claims -> claims.subject(null)), "no subject"),
                Arguments.of("blank subject", identityProvider.token(claims -> claims.subject("  ")), "no subject"),
                Arguments.of("no expiry", identityProvider.token(claims -> claims.expirationTime(null)), "no expiry"),
                Arguments.of("claims edited after signing", withPayload(valid, validClaims.replace(SUBJECT, "admin-1")), "invalid signature"),
                Arguments.of("signed by another key with a known kid", identityProvider.token(impostor, header -> header, claims -> claims),
                        "invalid signature"),
                Arguments.of("embedded jwk of the signer", identityProvider.token(impostor, header -> header.jwk(impostor.toPublicJWK()),
                        claims -> claims), "invalid signature"),
                Arguments.of("alg none", "eyJhbGciOiJub25lIn0." + Base64URL.encode(validClaims) + ".", "not a signed token"),
                Arguments.of("encrypted, not signed", Base64URL.encode("{\"alg\":\"RSA-OAEP-256\",\"enc\":\"A256GCM\"}") + ".a.b.c.d",
                        "not a signed token"),
                Arguments.of("HMAC keyed with the public key", identityProvider.token(publicKeyAsSecret, header -> header, claims -> claims),
                        "algorithm not allowed"),
                Arguments.of("RS384, validly signed", identityProvider.token(header -> new JWSHeader.Builder(JWSAlgorithm.RS384).keyID(RSA_KEY_ID),
                        claims -> claims), "algorithm not allowed"),
                Arguments.of("ES256 naming an RSA key", identityProvider.token(identityProvider.ecKey(), header -> header.keyID(RSA_KEY_ID),
                        claims -> claims), "unknown key"),
                Arguments.of("typ other than JWT", identityProvider.token(header -> header.type(new JOSEObjectType("at+jwt")), claims -> claims),
                        "not a JWT"),
                Arguments.of("typ with a forged log line", identityProvider.token(header -> header.type(new JOSEObjectType("JWT\nAuthorized admin")),
                        claims -> claims), "not a JWT"),
                Arguments.of("unknown critical header", identityProvider.token(header -> header.criticalParams(Set.of("urn:example:must-understand"))
                        .customParam("urn:example:must-understand", true), claims -> claims), "critical header extension"),
                Arguments.of("no kid", identityProvider.token(header -> header.keyID(null), claims -> claims), "no key id"),
                Arguments.of("unknown kid, x5u pointing elsewhere", identityProvider.token(header -> header.keyID("rsa-9")
                        .x509CertURL(URI.create("https://evil.example.test/cert.pem")), claims -> claims), "unknown key"),
                Arguments.of("claims that are not JSON", withPayload(valid, "not json\nAuthorized admin"), "malformed token"),
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

    /** A header's key URL is never fetched: keys come from the configured JWKS only. */
    @Test
    void neverFetchesTheKeysATokenPointsTo() {
        try (TestIdentityProvider attacker = TestIdentityProvider.start()) {
            String token = attacker.token(header -> header.keyID("attacker").jwkURL(URI.create(attacker.jwksUrl())), claims -> claims);

            assertThrows(UnauthorizedException.class, () -> authorize(Map.of("Authorization", "Bearer " + token), Map.of()));
            assertEquals(0, attacker.downloads());
            assertEquals(List.of("unknown key"), rejectionReasons());
        }
    }

    @Test
    void allowsAMinuteOfClockSkewAndNotASecondMore() {
        Instant now = Instant.parse("2026-01-01T10:00:00Z");
        AuthorizerHandler atTen = authorizer(() -> now);
        Instant aMinuteAgo = now.minusSeconds(60);
        Instant inAMinute = now.plusSeconds(60);

        assertEquals(SUBJECT, atTen.handleRequest(event(Map.of(), Map.of("token", expiringAt(aMinuteAgo))), context).getPrincipalId());
        assertEquals(SUBJECT, atTen.handleRequest(event(Map.of(), Map.of("token", validFrom(inAMinute))), context).getPrincipalId());
        assertThrows(UnauthorizedException.class,
                () -> atTen.handleRequest(event(Map.of(), Map.of("token", expiringAt(aMinuteAgo.minusSeconds(1)))), context));
        assertThrows(UnauthorizedException.class,
                () -> atTen.handleRequest(event(Map.of(), Map.of("token", validFrom(inAMinute.plusSeconds(1)))), context));
    }

    @Test
    void failsWithoutRejectingWhenTheIdentityProviderIsUnavailable() {
        identityProvider.respondWith(503, "{}");
        try {
            IdentityProviderUnavailableException failure = assertThrows(IdentityProviderUnavailableException.class,
                    () -> authorize(Map.of("Authorization", "Bearer " + identityProvider.token()), Map.of()));

            assertNotEquals("Unauthorized", failure.getMessage(), "API Gateway answers 500, not 401: the client did nothing wrong");
            Map<String, Object> line = output.logs().get(0);
            assertEquals("ERROR", line.get("level"));
            assertEquals("Cannot check tokens: the identity provider is unavailable", line.get("message"));
            assertTrue(((String) line.get("error")).contains("503"), line.toString());
        } finally {
            identityProvider.serveKeys();
        }
    }

    @Test
    void primesOfflineBeforeTheSnapshot() {
        int downloads = identityProvider.downloads();

        TokenVerifier.prime();

        assertEquals(downloads, identityProvider.downloads(), "priming never fetches the JWKS");
    }

    private static String expiringAt(Instant expiry) {
        return identityProvider.token(claims -> claims.issueTime(null).notBeforeTime(null).expirationTime(Date.from(expiry)));
    }

    private static String validFrom(Instant notBefore) {
        return identityProvider.token(claims -> claims.notBeforeTime(Date.from(notBefore)));
    }

    /** The token with other claims, as if edited after it was signed. */
    private static String withPayload(String token, String claims) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + Base64URL.encode(claims) + "." + parts[2];
    }

    private List<Object> rejectionReasons() {
        return output.logs().stream().filter(line -> "Rejected a connection".equals(line.get("message"))).map(line -> line.get("reason")).toList();
    }

    private IamPolicyResponseV1 authorize(Map<String, String> headers, Map<String, String> query) {
        return authorizer.handleRequest(event(headers, query), context);
    }

    private static AuthorizerHandler authorizer(InstantSource clock) {
        return new AuthorizerHandler(new TokenVerifier(identityProvider.jwksUrl(), ISSUER, AUDIENCE, Duration.ofMinutes(5), clock), DEFAULT_API_KEY,
                new Metrics("test-api"));
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
