package ${package}.local;

import static ${package}.template.SamTemplate.listOrSingleton;
import static ${package}.template.SamTemplate.mapOrEmpty;

import ${package}.template.SamTemplate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Resolves {@code Ref}, {@code Fn::GetAtt} and {@code Fn::Sub} the way CloudFormation would for a
 * stack in a local account: parameters take their defaults, pseudo parameters fixed local values,
 * and resources the physical ids the gateway gave them.
 */
public final class LocalIntrinsics {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "123456789012";

    private final SamTemplate template;
    private final Map<String, String> parameterOverrides = new HashMap<>();
    private final Map<String, String> physicalIds = new HashMap<>();

    public LocalIntrinsics(SamTemplate template) {
        this.template = template;
    }

    /** Sets a parameter's value, as {@code sam deploy --parameter-overrides} would. */
    public void overrideParameter(String name, String value) {
        parameterOverrides.put(name, value);
    }

    /** Gives a resource the physical id that {@code Ref} returns for it. */
    public void assign(String logicalId, String physicalId) {
        physicalIds.put(logicalId, physicalId);
    }

    public String resolve(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        Map<String, Object> function = mapOrEmpty(value);
        if (function.containsKey("Ref")) {
            return ref((String) function.get("Ref"));
        }
        if (function.containsKey("Fn::GetAtt")) {
            List<Object> target = listOrSingleton(function.get("Fn::GetAtt"));
            return getAtt((String) target.get(0), (String) target.get(1));
        }
        if (function.containsKey("Fn::Sub")) {
            return sub(SamTemplate.subText(function));
        }
        throw new IllegalArgumentException("The local gateway cannot resolve " + value);
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT_ID;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return "local";
            default:
                break;
        }
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        Map<String, Object> parameter = mapOrEmpty(template.section("Parameters").get(name));
        if (parameter.containsKey("Default")) {
            return String.valueOf(parameter.get("Default"));
        }
        String physicalId = physicalIds.get(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
        if (physicalId == null) {
            throw new IllegalArgumentException("The local gateway has no value for Ref " + name);
        }
        return physicalId;
    }

    private String getAtt(String logicalId, String attribute) {
        String type = (String) mapOrEmpty(template.resources().get(logicalId)).get("Type");
        if ("AWS::DynamoDB::Table".equals(type) && attribute.equals("Arn")) {
            return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + ref(logicalId);
        }
        if (attribute.equals("Alias") || attribute.equals("Arn")) {
            return "arn:aws:lambda:" + REGION + ":" + ACCOUNT_ID + ":function:" + logicalId;
        }
        throw new IllegalArgumentException("The local gateway cannot resolve GetAtt " + logicalId + "." + attribute);
    }

    private String sub(String text) {
        Matcher matcher = SamTemplate.SUB_VARIABLE.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            int dot = variable.indexOf('.');
            String value = dot < 0 || variable.startsWith("AWS::")
                    ? ref(variable)
                    : getAtt(variable.substring(0, dot), variable.substring(dot + 1));
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
