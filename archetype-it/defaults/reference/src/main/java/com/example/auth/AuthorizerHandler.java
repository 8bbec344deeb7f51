package com.example.auth;

import com.example.aws.Environment;
import com.example.aws.SnapStartPriming;
import com.example.messaging.UntrustedText;
import com.example.observability.Log;
import com.example.observability.Metric;
import com.example.observability.Metrics;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import java.util.List;
import java.util.Map;

/**
 * The REQUEST authorizer of {@code $connect}: a valid JWT ({@link BearerToken}) allows the connection,
 * its subject passed on as the principal; a missing or invalid one gets 401, and when the identity
 * provider's keys cannot be had, 500. It also answers the API key API Gateway checks against the usage
 * plan: the client's own {@code x-api-key}, else the stack's key for clients that cannot send headers.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {

    /** The key this authorizer reports for clients that send none: browsers. */
    public static final String DEFAULT_API_KEY_VARIABLE = "DEFAULT_API_KEY";
    static final Metric CONNECTIONS_REJECTED = Metric.count("ConnectionsRejected");

    private final TokenVerifier verifier;
    private final String defaultApiKey;
    private final Metrics metrics;

    /** Lambda's constructor: the identity provider, the default key and the metrics namespace from the function's environment. */
    public AuthorizerHandler() {
        this(TokenVerifier.fromEnvironment(), Environment.require(DEFAULT_API_KEY_VARIABLE), Metrics.fromEnvironment());
        SnapStartPriming.register(TokenVerifier::prime);
    }

    AuthorizerHandler(TokenVerifier verifier, String defaultApiKey, Metrics metrics) {
        this.verifier = verifier;
        this.defaultApiKey = defaultApiKey;
        this.metrics = metrics;
    }

    @Override
    public IamPolicyResponseV1 handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        Log log = Log.of(context);
        String principal;
        try {
            principal = verifier.verify(BearerToken.find(event.getHeaders(), event.getQueryStringParameters()));
        } catch (InvalidTokenException e) {
            log.with("reason", e.getMessage()).info("Rejected a connection");
            metrics.start().add(CONNECTIONS_REJECTED, 1).publish();
            throw new UnauthorizedException();
        } catch (IdentityProviderUnavailableException e) {
            log.with("error", e.getMessage()).error("Cannot check tokens: the identity provider is unavailable");
            throw e;
        }
        log.with("principal", UntrustedText.printable(principal)).debug("Authorized");
        return IamPolicyResponseV1.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponseV1.PolicyDocument.builder()
                        .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponseV1.allowStatement(event.getMethodArn())))
                        .build())
                .withContext(Map.of("principal", principal))
                .withUsageIdentifierKey(BearerToken.header(event.getHeaders(), "x-api-key").orElse(defaultApiKey))
                .build();
    }
}
