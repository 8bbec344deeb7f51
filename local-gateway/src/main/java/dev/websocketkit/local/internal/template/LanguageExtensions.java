// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static dev.websocketkit.local.internal.template.TemplateDocument.listOrSingleton;
import static dev.websocketkit.local.internal.template.TemplateDocument.mapOrEmpty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Fn::ForEach} loops of a template, expanded as CloudFormation's
 * {@code AWS::LanguageExtensions} transform expands them before anything else reads the template.
 *
 * <p>A loop is a key {@code Fn::ForEach::Name} whose value is {@code [Identifier, Collection,
 * Fragment]}: for each item of the collection, the fragment's entries are added in its place, with
 * {@code ${Identifier}} replaced by the item in every key and in the text of every {@code Fn::Sub},
 * {@code &{Identifier}} there by the item without its characters other than letters and digits, and
 * {@code {Ref: Identifier}} by the item. (Any other string keeps its {@code ${...}}, as it does on
 * CloudFormation, which reads keys alone as an implicit {@code Fn::Sub}.) The collection is a list of values or a {@code Ref} to a {@code CommaDelimitedList} (or
 * {@code List<...>}) parameter, which takes its override or default. Loops are expanded at the top
 * of {@code Conditions}, {@code Resources} and {@code Outputs}, at the top of a resource's
 * {@code Properties}, and inside another loop's fragment. A loop that breaks CloudFormation's rules,
 * or that stands where the gateway does not expand it, stops the template from loading with an
 * error that names it.
 */
final class LanguageExtensions {

    static final String TRANSFORM = "AWS::LanguageExtensions";
    static final String FOR_EACH = "Fn::ForEach";

    private static final String LOOP_PREFIX = FOR_EACH + "::";
    private static final String SERVERLESS_TRANSFORM_PREFIX = "AWS::Serverless";
    private static final List<String> LOOP_SECTIONS = List.of("Conditions", "Resources", "Outputs");
    private static final Pattern ALPHANUMERIC = Pattern.compile("[A-Za-z0-9]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]");

    private final Map<String, Object> parameters;
    private final Map<String, String> parameterOverrides;

    private LanguageExtensions(Map<String, Object> parameters, Map<String, String> parameterOverrides) {
        this.parameters = parameters;
        this.parameterOverrides = parameterOverrides;
    }

    /**
     * The template with its loops expanded; the template itself when it has none.
     *
     * @throws IllegalArgumentException for a loop CloudFormation would reject or the gateway cannot
     *         expand, and for a {@code Transform} that lists {@code AWS::LanguageExtensions} after
     *         {@code AWS::Serverless-2016-10-31}
     */
    static Map<String, Object> expand(Map<String, Object> template, Map<String, String> parameterOverrides) {
        List<String> transforms = listOrSingleton(template.get("Transform")).stream().map(String::valueOf).toList();
        int languageExtensions = transforms.indexOf(TRANSFORM);
        int serverless = indexOfServerless(transforms);
        if (languageExtensions >= 0 && serverless >= 0 && languageExtensions > serverless) {
            throw new IllegalArgumentException("Transform lists " + TRANSFORM + " after " + transforms.get(serverless)
                    + ": CloudFormation runs the transforms in their order, and " + TRANSFORM + " must come first");
        }
        List<String> loops = new ArrayList<>();
        findLoops(template, "", loops);
        if (loops.isEmpty()) {
            return template;
        }
        if (languageExtensions < 0) {
            throw new IllegalArgumentException(loops.get(0) + " is a Fn::ForEach loop, but the template's Transform does not declare "
                    + TRANSFORM + ", which expands it");
        }
        template.forEach((section, body) -> {
            if (!LOOP_SECTIONS.contains(section)) {
                List<String> misplaced = new ArrayList<>();
                findLoops(body, section, misplaced);
                if (!misplaced.isEmpty()) {
                    throw new IllegalArgumentException(misplaced.get(0) + ": Fn::ForEach can't be used in " + section
                            + "; CloudFormation expands it in Conditions, Resources and Outputs only");
                }
            }
        });

        Set<String> names = new HashSet<>();
        for (String loop : loops) {
            String name = loop.substring(loop.lastIndexOf(FOR_EACH)).replaceFirst("^" + Pattern.quote(LOOP_PREFIX), "");
            if (!names.add(name)) {
                throw new IllegalArgumentException(loop + ": another loop of the template has the name " + name + "; each must be unique");
            }
        }
        LanguageExtensions extensions = new LanguageExtensions(mapOrEmpty(template.get("Parameters")), parameterOverrides);
        Map<String, Object> expanded = new LinkedHashMap<>(template);
        for (String section : LOOP_SECTIONS) {
            if (template.get(section) instanceof Map) {
                expanded.put(section, extensions.entries(mapOrEmpty(template.get(section)), section, new ArrayDeque<>(), true));
            }
        }
        if (expanded.get("Resources") instanceof Map) {
            Map<String, Object> resources = new LinkedHashMap<>(mapOrEmpty(expanded.get("Resources")));
            resources.replaceAll((logicalId, resource) -> extensions.properties(logicalId, resource));
            expanded.put("Resources", resources);
            names.stream().filter(resources::containsKey).findFirst().ifPresent(name -> {
                throw new IllegalArgumentException("Fn::ForEach::" + name + " is named like the resource " + name
                        + ": a loop's name must differ from every logical id of Resources");
            });
        }

        List<String> left = new ArrayList<>();
        findLoops(expanded, "", left);
        if (!left.isEmpty()) {
            throw new IllegalArgumentException(left.get(0) + ": the local gateway expands Fn::ForEach at the top of Conditions, Resources"
                    + " and Outputs, at the top of a resource's Properties and inside another loop's fragment, not there");
        }
        return expanded;
    }

    /** The entries of a map with its loops expanded; with {@code logicalIds}, each key a loop makes must be alphanumeric. */
    private Map<String, Object> entries(Map<String, Object> entries, String where, Deque<String> identifiers, boolean logicalIds) {
        Map<String, Object> result = new LinkedHashMap<>();
        entries.forEach((key, value) -> {
            if (!isLoop(key)) {
                add(result, key, value, where + "." + key);
                return;
            }
            Loop loop = loop(key, value, where, identifiers);
            identifiers.push(loop.identifier());
            for (String item : loop.collection()) {
                Map<String, Object> fragment = mapOrEmpty(substitute(loop.fragment(), loop.identifier(), item));
                entries(fragment, where + "." + key, identifiers, logicalIds).forEach((made, madeValue) -> {
                    if (logicalIds && !ALPHANUMERIC.matcher(made).matches()) {
                        throw new IllegalArgumentException(where + "." + key + " makes the key \"" + made + "\", which is not alphanumeric,"
                                + " as logical ids must be: &{" + loop.identifier() + "} leaves out the item's other characters");
                    }
                    add(result, made, madeValue, where + "." + key);
                });
            }
            identifiers.pop();
        });
        return result;
    }

    /** A resource with the loops at the top of its {@code Properties} expanded. */
    private Object properties(String logicalId, Object resource) {
        Map<String, Object> definition = mapOrEmpty(resource);
        if (!(definition.get("Properties") instanceof Map<?, ?> properties) || properties.keySet().stream().noneMatch(LanguageExtensions::isLoop)) {
            return resource;
        }
        Map<String, Object> expanded = new LinkedHashMap<>(definition);
        expanded.put("Properties", entries(mapOrEmpty(properties), "Resources." + logicalId + ".Properties", new ArrayDeque<>(), false));
        return expanded;
    }

    private static void add(Map<String, Object> result, String key, Object value, String where) {
        if (result.containsKey(key)) {
            throw new IllegalArgumentException(where + " makes the key " + key + ", which is already there: each key a loop makes must be new");
        }
        result.put(key, value);
    }

    private record Loop(String identifier, List<String> collection, Map<String, Object> fragment) {
    }

    private Loop loop(String key, Object value, String where, Deque<String> identifiers) {
        String loop = where + "." + key;
        String name = key.startsWith(LOOP_PREFIX) ? key.substring(LOOP_PREFIX.length()) : "";
        if (!ALPHANUMERIC.matcher(name).matches()) {
            throw new IllegalArgumentException(loop + ": a loop's key is Fn::ForEach::<Name>, its name alphanumeric, as a logical id");
        }
        if (!(value instanceof List<?> parts) || parts.size() != 3 || !(parts.get(0) instanceof String identifier) || identifier.isEmpty()
                || !(parts.get(2) instanceof Map<?, ?> fragment)) {
            throw new IllegalArgumentException(loop + " must be a list of three: an identifier, a collection, and a fragment"
                    + " (a mapping whose keys contain ${Identifier}); it is " + value);
        }
        if (identifiers.contains(identifier)) {
            throw new IllegalArgumentException(loop + ": its identifier " + identifier + " is already the identifier of a loop around it");
        }
        if (parameters.containsKey(identifier)) {
            throw new IllegalArgumentException(loop + ": its identifier " + identifier + " is also a parameter's name, so Ref "
                    + identifier + " would be ambiguous");
        }
        mapOrEmpty(fragment).keySet().stream()
                .filter(outputKey -> !isLoop(outputKey) && !outputKey.contains("${" + identifier + "}") && !outputKey.contains("&{" + identifier + "}"))
                .findFirst().ifPresent(outputKey -> {
                    throw new IllegalArgumentException(loop + ": the key " + outputKey + " of its fragment contains neither ${" + identifier
                            + "} nor &{" + identifier + "}, so every item would make the same key");
                });
        return new Loop(identifier, collection(loop, parts.get(1)), mapOrEmpty(fragment));
    }

    private List<String> collection(String loop, Object collection) {
        if (collection instanceof List<?> items) {
            List<String> values = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof String || item instanceof Number || item instanceof Boolean)) {
                    throw new IllegalArgumentException(loop + ": the local gateway expands a collection of plain values, not the item " + item);
                }
                values.add(String.valueOf(item));
            }
            return values;
        }
        Map<String, Object> function = mapOrEmpty(collection);
        if (function.size() == 1 && function.get("Ref") instanceof String name && parameters.containsKey(name)) {
            String type = String.valueOf(mapOrEmpty(parameters.get(name)).getOrDefault("Type", "String"));
            if (!type.equals("CommaDelimitedList") && !type.startsWith("List<")) {
                throw new IllegalArgumentException(loop + ": its collection is the parameter " + name + " of Type " + type
                        + "; a collection parameter is a CommaDelimitedList or a List<...>");
            }
            Object value = parameterOverrides.containsKey(name) ? parameterOverrides.get(name) : mapOrEmpty(parameters.get(name)).get("Default");
            if (value == null) {
                throw new IllegalArgumentException(loop + ": its collection is the parameter " + name + ", which has no default: give it a value");
            }
            return value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                    : List.of(String.valueOf(value).split(",", -1)).stream().map(String::trim).toList();
        }
        throw new IllegalArgumentException(loop + ": its collection must be a list of values or a Ref to a CommaDelimitedList parameter,"
                + " not " + collection);
    }

    /**
     * The node with the item in place of the identifier: in every key, in the text of every
     * {@code Fn::Sub} (a {@code Fn::Sub} left with no variable becomes its text), and for every
     * {@code {Ref: identifier}}. Other strings are left as they are: CloudFormation reads
     * {@code ${...}} as a substitution only in keys and in {@code Fn::Sub}.
     */
    private static Object substitute(Object node, String identifier, String item) {
        if (node instanceof List<?> list) {
            List<Object> substituted = new ArrayList<>();
            list.forEach(element -> substituted.add(substitute(element, identifier, item)));
            return substituted;
        }
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        if (map.size() == 1 && map.containsKey("Ref")) {
            Object target = substitute(map.get("Ref"), identifier, item);
            return identifier.equals(target) ? item : Map.of("Ref", target);
        }
        if (map.size() == 1 && map.containsKey("Fn::Sub")) {
            Object argument = map.get("Fn::Sub");
            List<Object> arguments = listOrSingleton(argument);
            if (!arguments.isEmpty() && arguments.get(0) instanceof String text) {
                String substituted = text(text, identifier, item);
                if (!substituted.contains("${")) {
                    return substituted;
                }
                if (!(argument instanceof List)) {
                    return Map.of("Fn::Sub", substituted);
                }
                List<Object> withVariables = new ArrayList<>(List.of(substituted));
                arguments.subList(1, arguments.size()).forEach(variables -> withVariables.add(substitute(variables, identifier, item)));
                return Map.of("Fn::Sub", withVariables);
            }
        }
        Map<Object, Object> substituted = new LinkedHashMap<>();
        map.forEach((key, value) -> substituted.put(key instanceof String text ? text(text, identifier, item) : key,
                substitute(value, identifier, item)));
        return substituted;
    }

    /** A key's or a {@code Fn::Sub}'s text with {@code ${identifier}} and {@code &{identifier}} replaced. */
    private static String text(String text, String identifier, String item) {
        return text.replace("${" + identifier + "}", item).replace("&{" + identifier + "}", NOT_ALPHANUMERIC.matcher(item).replaceAll(""));
    }

    private static boolean isLoop(Object key) {
        return key instanceof String text && text.startsWith(FOR_EACH);
    }

    /** The paths of the loop keys in a node, e.g. {@code Resources.Fn::ForEach::Alarms}. */
    private static void findLoops(Object node, String path, List<String> loops) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                String at = path.isEmpty() ? String.valueOf(key) : path + "." + key;
                if (isLoop(key)) {
                    loops.add(at);
                }
                findLoops(value, at, loops);
            });
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                findLoops(list.get(i), path + "[" + i + "]", loops);
            }
        }
    }

    private static int indexOfServerless(List<String> transforms) {
        for (int i = 0; i < transforms.size(); i++) {
            if (transforms.get(i).startsWith(SERVERLESS_TRANSFORM_PREFIX)) {
                return i;
            }
        }
        return -1;
    }
}
