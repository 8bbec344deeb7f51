// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A SAM or CloudFormation template as plain maps and lists. Short-form intrinsic functions read as
 * their long form: {@code !Ref X} as {@code {Ref: X}}, {@code !GetAtt A.B} as
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} as {@code {Fn::Sub: s}}, and so on. The
 * {@code Fn::ForEach} loops of a template that declares the {@code AWS::LanguageExtensions} transform
 * are expanded, as CloudFormation expands them before the other transforms read the template.
 */
public final class TemplateDocument {

    /** A {@code ${Name}} or {@code ${Name.Attribute}} in a {@code !Sub} text; {@code ${!Literal}} is not one. */
    public static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

    private final Map<String, Object> root;

    private TemplateDocument(Map<String, Object> root) {
        this.root = root;
    }

    /** The template, its {@code Fn::ForEach} collections taken from the parameters' defaults. */
    public static TemplateDocument load(Path path) {
        return load(path, Map.of());
    }

    /**
     * The template, its {@code Fn::ForEach} collections taken from the parameters' overrides or defaults.
     *
     * @throws IllegalArgumentException naming the loop, when a loop is malformed or stands where it is not expanded
     */
    public static TemplateDocument load(Path path, Map<String, String> parameterOverrides) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new IntrinsicFunctionConstructor()).load(reader);
            if (!(root instanceof Map)) {
                throw new IllegalArgumentException(path + " is not a template: its top level is not a mapping");
            }
            try {
                return new TemplateDocument(LanguageExtensions.expand(mapOrEmpty(root), parameterOverrides));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    public Map<String, Object> section(String name) {
        return mapOrEmpty(root.get(name));
    }

    /** The transforms the template declares, in their order: {@code Transform} as a list, or its one value. */
    public List<String> transforms() {
        return listOrSingleton(root.get("Transform")).stream().map(String::valueOf).toList();
    }

    public Map<String, Object> resources() {
        return section("Resources");
    }

    public Map<String, Object> resource(String logicalId) {
        return mapOrEmpty(resources().get(logicalId));
    }

    /** The resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> matching = new LinkedHashMap<>();
        resources().forEach((logicalId, resource) -> {
            Map<String, Object> definition = mapOrEmpty(resource);
            if (type.equals(definition.get("Type"))) {
                matching.put(logicalId, definition);
            }
        });
        return matching;
    }

    public static Map<String, Object> properties(Map<String, Object> resource) {
        return mapOrEmpty(resource.get("Properties"));
    }

    /** A function's property, falling back to {@code Globals.Function} as SAM does. */
    public Optional<Object> functionProperty(Map<String, Object> function, String name) {
        Object own = properties(function).get(name);
        Object global = mapOrEmpty(section("Globals").get("Function")).get(name);
        return Optional.ofNullable(own == null ? global : global == null ? own : merged(global, own));
    }

    /** SAM's rule for a property set both globally and on the resource: maps merge, the resource winning; anything else is the resource's. */
    private static Object merged(Object global, Object own) {
        if (!(global instanceof Map) || !(own instanceof Map)) {
            return own;
        }
        Map<String, Object> merged = new LinkedHashMap<>(mapOrEmpty(global));
        mapOrEmpty(own).forEach((key, value) -> merged.merge(key, value, TemplateDocument::merged));
        return merged;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> mapOrEmpty(Object value) {
        return value instanceof Map ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> listOrSingleton(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List ? (List<Object>) value : List.of(value);
    }

    /** The text of a {@code {Fn::Sub: text}} or {@code {Fn::Sub: [text, variables]}}; empty for anything else. */
    public static String subText(Object value) {
        Object argument = mapOrEmpty(value).get("Fn::Sub");
        Object text = argument instanceof List ? ((List<?>) argument).get(0) : argument;
        return text instanceof String ? (String) text : "";
    }

    /** The variables of a {@code !Sub} in order, e.g. {@code [AWS::Region, ConnectFunction.Alias]}. */
    public static List<String> subVariables(Object value) {
        List<String> variables = new ArrayList<>();
        Matcher matcher = SUB_VARIABLE.matcher(subText(value));
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private static final class IntrinsicFunctionConstructor extends SafeConstructor {

        IntrinsicFunctionConstructor() {
            super(new LoaderOptions());
            yamlMultiConstructors.put("!", new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    String function = node.getTag().getValue().substring(1);
                    String key = function.equals("Ref") || function.equals("Condition") ? function : "Fn::" + function;
                    return Map.of(key, argument(function, node));
                }
            });
        }

        private Object argument(String function, Node node) {
            if (node instanceof ScalarNode) {
                String value = constructScalar((ScalarNode) node);
                return function.equals("GetAtt") ? Arrays.asList(value.split("\\.", 2)) : value;
            }
            if (node instanceof SequenceNode) {
                return constructSequence((SequenceNode) node);
            }
            return constructMapping((MappingNode) node);
        }
    }
}
