// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.server;

import static dev.websocketkit.local.internal.template.TemplateDocument.listOrSingleton;
import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a Lambda REQUEST authorizer answered, read the way API Gateway reads it: as JSON, whatever
 * Java type the handler returned ({@code IamPolicyResponseV1}, {@code IamPolicyResponse}, a map).
 */
final class AuthorizerAnswer {

    private final Map<String, Object> answer;

    private AuthorizerAnswer(Map<String, Object> answer) {
        this.answer = answer;
    }

    static AuthorizerAnswer of(Object response) {
        try {
            return new AuthorizerAnswer(mapOrEmpty(JSON.std.anyFrom(JSON.std.asString(response))));
        } catch (IOException e) {
            throw new IllegalStateException("The authorizer's answer is not JSON: " + response, e);
        }
    }

    /** Whether the policy allows {@code execute-api:Invoke} on {@code methodArn}: an Allow statement matches it and no Deny does. */
    boolean allows(String methodArn) {
        boolean allowed = false;
        for (Object statement : listOrSingleton(mapOrEmpty(answer.get("policyDocument")).get("Statement"))) {
            Map<String, Object> fields = mapOrEmpty(statement);
            boolean matches = listOrSingleton(fields.get("Action")).stream().anyMatch(action -> matches(action, "execute-api:Invoke"))
                    && listOrSingleton(fields.get("Resource")).stream().anyMatch(resource -> matches(resource, methodArn));
            if (matches && "Deny".equals(fields.get("Effect"))) {
                return false;
            }
            allowed |= matches && "Allow".equals(fields.get("Effect"));
        }
        return allowed;
    }

    /** What API Gateway passes on in {@code requestContext.authorizer}: the principal and the context's entries. */
    Map<String, Object> requestContext() {
        Map<String, Object> context = new LinkedHashMap<>(mapOrEmpty(answer.get("context")));
        context.put("principalId", answer.get("principalId"));
        return context;
    }

    /** The API key for {@code $context.authorizer.usageIdentifierKey}, if the authorizer returned one. */
    String usageIdentifierKey() {
        Object key = answer.get("usageIdentifierKey");
        return key instanceof String ? (String) key : null;
    }

    private static boolean matches(Object pattern, String value) {
        if (!(pattern instanceof String)) {
            return false;
        }
        List<String> parts = List.of(((String) pattern).split("\\*", -1));
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts.get(i)));
        }
        return value.matches(regex.toString());
    }
}
