// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static dev.websocketkit.local.internal.template.TemplateDocument.listOrSingleton;
import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks CloudFormation makes on a stack's parameter values before it creates anything: every
 * override names a parameter of the template, and every value, given or default, is of its
 * {@code Type} ({@code Number} or {@code List<Number>} must be numbers) and keeps its
 * {@code AllowedValues}, {@code AllowedPattern}, {@code MinLength}, {@code MaxLength},
 * {@code MinValue} and {@code MaxValue}. So a template that would fail to deploy fails locally too.
 */
public final class ParameterConstraints {

    private ParameterConstraints() {
    }

    /** @throws IllegalArgumentException naming each parameter that breaks a rule, and the rule */
    public static void check(TemplateDocument template, Map<String, String> overrides) {
        Map<String, Object> parameters = template.section("Parameters");
        List<String> problems = new ArrayList<>();
        overrides.keySet().stream().filter(name -> !parameters.containsKey(name))
                .forEach(name -> problems.add(name + " is not a parameter of the template"));
        parameters.forEach((name, declaration) -> {
            Map<String, Object> rules = mapOrEmpty(declaration);
            String value = overrides.containsKey(name) ? overrides.get(name)
                    : rules.containsKey("Default") ? String.valueOf(rules.get("Default")) : null;
            if (value != null) {
                problems.addAll(problems(name, value, rules));
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The template's parameters are not valid: " + String.join("; ", problems));
        }
    }

    private static List<String> problems(String name, String value, Map<String, Object> rules) {
        List<String> problems = new ArrayList<>();
        String type = String.valueOf(rules.getOrDefault("Type", "String"));
        List<String> items = type.startsWith("List<") || type.equals("CommaDelimitedList") ? List.of(value.split(",", -1)) : List.of(value);
        boolean numeric = type.equals("Number") || type.equals("List<Number>");
        for (String item : items) {
            String shown = name + " is \"" + item + "\"";
            if (numeric && number(item) == null) {
                problems.add(shown + ": not a number (Type " + type + ")");
                continue;
            }
            List<String> allowed = listOrSingleton(rules.get("AllowedValues")).stream().map(String::valueOf).toList();
            if (!allowed.isEmpty() && !allowed.contains(item)) {
                problems.add(shown + ": not one of " + allowed + " (AllowedValues)");
            }
            if (rules.containsKey("AllowedPattern") && !Pattern.compile(String.valueOf(rules.get("AllowedPattern"))).matcher(item).matches()) {
                problems.add(shown + ": does not match " + rules.get("AllowedPattern") + " (AllowedPattern)");
            }
            bound(rules, "MinLength").filter(min -> item.length() < min.intValue())
                    .ifPresent(min -> problems.add(shown + ": shorter than " + min + " characters (MinLength)"));
            bound(rules, "MaxLength").filter(max -> item.length() > max.intValue())
                    .ifPresent(max -> problems.add(shown + ": longer than " + max + " characters (MaxLength)"));
            if (numeric) {
                BigDecimal number = number(item);
                bound(rules, "MinValue").filter(min -> number.compareTo(min) < 0)
                        .ifPresent(min -> problems.add(shown + ": less than " + min.toPlainString() + " (MinValue)"));
                bound(rules, "MaxValue").filter(max -> number.compareTo(max) > 0)
                        .ifPresent(max -> problems.add(shown + ": more than " + max.toPlainString() + " (MaxValue)"));
            }
        }
        return problems;
    }

    private static Optional<BigDecimal> bound(Map<String, Object> rules, String rule) {
        return Optional.ofNullable(rules.get(rule)).map(String::valueOf).map(ParameterConstraints::number);
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
