// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.template;

import dev.websocketkit.local.internal.template.Intrinsics;
import dev.websocketkit.local.internal.template.TemplateDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A SAM or CloudFormation template, read as the local gateway reads it, for tests of what a
 * template declares: plain maps and lists, short-form intrinsic functions in their long form
 * ({@code !Ref X} as {@code {Ref: X}}, {@code !GetAtt A.B} as {@code {Fn::GetAtt: [A, B]}},
 * {@code !Sub s} as {@code {Fn::Sub: s}}), the {@code Fn::ForEach} loops of the
 * {@code AWS::LanguageExtensions} transform expanded (the resources, conditions and outputs they make
 * are there under their own logical ids, the loops are not), and values resolved as a stack in the
 * local account would resolve them.
 */
public final class SamTemplate {

    private final TemplateDocument document;

    private SamTemplate(TemplateDocument document) {
        this.document = document;
    }

    /**
     * The template, its {@code Fn::ForEach} collections taken from the parameters' defaults.
     *
     * @throws IllegalArgumentException naming the loop, when a loop is malformed
     */
    public static SamTemplate load(Path path) {
        return new SamTemplate(TemplateDocument.load(path));
    }

    /** The transforms the template declares, in their order, e.g. {@code [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]}. */
    public List<String> transforms() {
        return document.transforms();
    }

    /** A top-level section, such as {@code Parameters} or {@code Outputs}; empty when the template has none. */
    public Map<String, Object> section(String name) {
        return document.section(name);
    }

    public Map<String, Object> resources() {
        return document.resources();
    }

    public Map<String, Object> resource(String logicalId) {
        return document.resource(logicalId);
    }

    /** The resources of one type, by logical id, in template order. */
    public Map<String, Map<String, Object>> resourcesOfType(String type) {
        return document.resourcesOfType(type);
    }

    /** A function's property, falling back to {@code Globals.Function} as SAM does. */
    public Optional<Object> functionProperty(Map<String, Object> function, String name) {
        return document.functionProperty(function, name);
    }

    /**
     * A value as a stack named {@code stackName}, deployed with the parameters' defaults, would see
     * it: {@code Ref}, {@code Fn::Sub}, {@code Fn::Join} and the other functions the gateway knows,
     * resolved.
     */
    public String resolve(Object value, String stackName) {
        return new Intrinsics(document, stackName, Map.of()).resolve(value);
    }

    public static Map<String, Object> properties(Map<String, Object> resource) {
        return TemplateDocument.properties(resource);
    }

    public static Map<String, Object> mapOrEmpty(Object value) {
        return TemplateDocument.mapOrEmpty(value);
    }

    public static List<Object> listOrSingleton(Object value) {
        return TemplateDocument.listOrSingleton(value);
    }

    /** The text of a {@code {Fn::Sub: text}} or {@code {Fn::Sub: [text, variables]}}; empty for anything else. */
    public static String subText(Object value) {
        return TemplateDocument.subText(value);
    }

    /** The variables of a {@code !Sub} in order, e.g. {@code [AWS::Region, ConnectFunction.Alias]}. */
    public static List<String> subVariables(Object value) {
        return TemplateDocument.subVariables(value);
    }
}
