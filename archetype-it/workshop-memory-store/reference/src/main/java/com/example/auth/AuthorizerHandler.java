package com.example.auth;

import com.example.aws.Environment;
import com.example.aws.SnapStartPriming;
import com.example.messaging.UntrustedText;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.List;
import java.util.Map;

/**
 * The Lambda REQUEST authorizer of {@code $connect}: lets a client connect only with a valid JWT.
 *
 * <p>The token comes from {@code Authorization: Bearer <token>} or, for browsers (which cannot set
 * headers on a WebSocket handshake), from {@code ?token=} or the subprotocols {@code bearer, <token>}
 * (see {@link BearerToken}). A missing or invalid token fails with {@link UnauthorizedException},
 * which API Gateway answers with 401. A valid one allows the connection and passes its subject on as
 * the principal, which {@code $connect} stores. When the identity provider's keys cannot be had, it
 * fails otherwise, and API Gateway answers 500.
 *
 * <p>The API takes its API key from this authorizer ({@code $context.authorizer.usageIdentifierKey}):
 * the client's own {@code x-api-key}, when it sends one, else the stack's key for clients that cannot
 * send headers. API Gateway then checks the key against the usage plan as for any client.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    /** The key this authorizer reports for clients that send none: browsers. */
    public static final String DEFAULT_API_KEY_VARIABLE = "DEFAULT_API_KEY";

    private final TokenVerifier verifier;
    private final String defaultApiKey;

    /** Lambda's constructor: the identity provider and the default key the function's environment names. */
    public AuthorizerHandler() {
        this(TokenVerifier.fromEnvironment(), Environment.require(DEFAULT_API_KEY_VARIABLE));
        SnapStartPriming.register(TokenVerifier::prime);
    }

    AuthorizerHandler(TokenVerifier verifier, String defaultApiKey) {
        this.verifier = verifier;
        this.defaultApiKey = defaultApiKey;
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String principal;
        try {
            principal = verifier.verify(BearerToken.find(event.getHeaders(), event.getQueryStringParameters()));
        } catch (InvalidTokenException e) {
            throw reject(context, e.getMessage());
        } catch (IdentityProviderUnavailableException e) {
            context.getLogger().log("Cannot check tokens, the identity provider is unavailable: " + e.getMessage());
            throw e;
        }
        context.getLogger().log("Authorized " + UntrustedText.printable(principal));
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponseV1.allowStatement(event.getMethodArn())))
                        .build())
                .withContext(Map.of("principal", principal))
                .withUsageIdentifierKey(apiKeyOf(event.getHeaders()))
                .build();
    }

    private String apiKeyOf(Map<String, String> headers) {
        return headers == null ? defaultApiKey : headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("x-api-key"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(defaultApiKey);
    }

    /** Logs why, never the token itself. */
    private static UnauthorizedException reject(Context context, String reason) {
        context.getLogger().log("Rejected a connection: " + reason);
        return new UnauthorizedException();
    }
}
