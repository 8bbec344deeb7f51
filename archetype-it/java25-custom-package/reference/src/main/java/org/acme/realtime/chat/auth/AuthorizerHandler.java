package org.acme.realtime.chat.auth;

import org.acme.realtime.chat.aws.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;

/**
 * The Lambda REQUEST authorizer of {@code $connect}: lets a client connect only with a valid JWT.
 *
 * <p>The token comes from {@code Authorization: Bearer <token>} or, for browsers (which cannot set
 * headers on a WebSocket handshake), from the query parameter {@code token}. A missing or invalid
 * token fails with {@link UnauthorizedException}, which API Gateway answers with 401. A valid one
 * allows the connection and passes its subject on as the principal, which {@code $connect} stores.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

    private final TokenVerifier verifier;

    /** Lambda's constructor: the identity provider the function's environment names. */
    public AuthorizerHandler() {
        this(TokenVerifier.fromEnvironment());
        SnapStartPriming.register(TokenVerifier::prime);
    }

    AuthorizerHandler(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String token = BearerToken.find(event.getHeaders(), event.getQueryStringParameters())
                .orElseThrow(() -> reject(context, "no bearer token"));
        String principal;
        try {
            principal = verifier.verify(token);
        } catch (InvalidTokenException e) {
            throw reject(context, e.getMessage());
        }
        context.getLogger().log("Authorized " + principal);
        return IamPolicyResponse.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(IamPolicyResponse.allowStatement(event.getMethodArn())))
                        .build())
                .withContext(Map.of("principal", principal))
                .build();
    }

    /** Logs why, never the token itself. */
    private static UnauthorizedException reject(Context context, String reason) {
        context.getLogger().log("Rejected a connection: " + reason);
        return new UnauthorizedException();
    }
}
