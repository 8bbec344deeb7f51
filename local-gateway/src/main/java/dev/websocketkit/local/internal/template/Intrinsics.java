// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static dev.websocketkit.local.internal.template.TemplateDocument.listOrSingleton;
import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;

import dev.websocketkit.local.internal.account.LocalAccount;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Resolves {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}, {@code Fn::Select}
 * and {@code Fn::Split} the way CloudFormation would for a stack in the local account: parameters
 * take their overrides or defaults, pseudo parameters the local account's values, and resources the
 * physical ids and attributes the gateway gave them. A resource it was given nothing for resolves
 * to its logical id.
 */
public final class Intrinsics {

    private final TemplateDocument template;
    private final String stackName;
    private final Map<String, String> parameterOverrides;
    private final Map<String, String> physicalIds = new HashMap<>();
    private final Map<String, String> attributes = new HashMap<>();

    public Intrinsics(TemplateDocument template, String stackName, Map<String, String> parameterOverrides) {
        this.template = template;
        this.stackName = stackName;
        this.parameterOverrides = Map.copyOf(parameterOverrides);
    }

    /** Gives a resource the value {@code Ref} returns for it. */
    public void assign(String logicalId, String physicalId) {
        physicalIds.put(logicalId, physicalId);
    }

    /** Gives a resource an attribute, e.g. {@code Arn}, that {@code Fn::GetAtt} and {@code ${Id.Attribute}} return. */
    public void assignAttribute(String logicalId, String attribute, String value) {
        attributes.put(logicalId + "." + attribute, value);
    }

    /** The value as a string; lists are not strings and fail. */
    public String resolve(Object value) {
        Object resolved = evaluate(value);
        if (resolved instanceof List) {
            throw new IllegalArgumentException("Expected a string, not the list " + resolved + " from " + value);
        }
        return (String) resolved;
    }

    private Object evaluate(Object value) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List) {
            List<Object> items = new ArrayList<>();
            listOrSingleton(value).forEach(item -> items.add(evaluate(item)));
            return items;
        }
        Map<String, Object> function = mapOrEmpty(value);
        if (function.size() != 1) {
            throw new IllegalArgumentException("The local gateway cannot resolve " + value);
        }
        Map.Entry<String, Object> call = function.entrySet().iterator().next();
        Object argument = call.getValue();
        switch (call.getKey()) {
            case "Ref":
                return ref((String) argument);
            case "Fn::GetAtt": {
                List<Object> target = listOrSingleton(argument);
                return getAtt((String) target.get(0), resolve(target.get(1)));
            }
            case "Fn::Sub":
                return sub(argument);
            case "Fn::Join": {
                List<Object> join = listOrSingleton(argument);
                List<String> parts = new ArrayList<>();
                listOrSingleton(evaluate(join.get(1))).forEach(part -> parts.add((String) part));
                return String.join((String) join.get(0), parts);
            }
            case "Fn::Select": {
                List<Object> select = listOrSingleton(argument);
                return listOrSingleton(evaluate(select.get(1))).get(Integer.parseInt(resolve(select.get(0))));
            }
            case "Fn::Split": {
                List<Object> split = listOrSingleton(argument);
                return List.of(resolve(split.get(1)).split(java.util.regex.Pattern.quote((String) split.get(0)), -1));
            }
            default:
                throw new IllegalArgumentException("The local gateway cannot resolve " + call.getKey() + " in " + value);
        }
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return LocalAccount.REGION;
            case "AWS::AccountId":
                return LocalAccount.ACCOUNT_ID;
            case "AWS::Partition":
                return LocalAccount.PARTITION;
            case "AWS::URLSuffix":
                return LocalAccount.URL_SUFFIX;
            case "AWS::StackName":
                return stackName;
            case "AWS::StackId":
                return "arn:" + LocalAccount.PARTITION + ":cloudformation:" + LocalAccount.REGION + ":"
                        + LocalAccount.ACCOUNT_ID + ":stack/" + stackName + "/00000000-0000-4000-8000-000000000000";
            case "AWS::NoValue":
                return null;
            default:
                break;
        }
        if (parameterOverrides.containsKey(name)) {
            return parameterOverrides.get(name);
        }
        Map<String, Object> parameter = mapOrEmpty(template.section("Parameters").get(name));
        if (template.section("Parameters").containsKey(name)) {
            if (!parameter.containsKey("Default")) {
                throw new IllegalArgumentException("Parameter " + name + " has no default: give it a value");
            }
            return String.valueOf(parameter.get("Default"));
        }
        int dot = name.indexOf('.');
        if (dot > 0) {
            return getAtt(name.substring(0, dot), name.substring(dot + 1));
        }
        if (!template.resources().containsKey(name)) {
            throw new IllegalArgumentException("Ref " + name + " names no parameter or resource of the template");
        }
        return physicalIds.getOrDefault(name, name);
    }

    private String getAtt(String logicalId, String attribute) {
        String value = attributes.get(logicalId + "." + attribute);
        if (value == null) {
            throw new IllegalArgumentException("The local gateway has no value for " + logicalId + "." + attribute);
        }
        return value;
    }

    private String sub(Object argument) {
        List<Object> arguments = listOrSingleton(argument);
        Map<String, Object> variables = arguments.size() > 1 ? mapOrEmpty(arguments.get(1)) : Map.of();
        Matcher matcher = TemplateDocument.SUB_VARIABLE.matcher((String) arguments.get(0));
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String variable = matcher.group(1);
            String value = variables.containsKey(variable) ? resolve(variables.get(variable)) : ref(variable);
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(String.valueOf(value)));
        }
        matcher.appendTail(resolved);
        return resolved.toString().replace("${!", "${");
    }
}
