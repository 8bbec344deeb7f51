// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterConstraintsTest {

    private TemplateDocument template;

    @BeforeEach
    void load(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Parameters:
                  Workers:
                    Type: Number
                    Default: 10
                    MinValue: 2
                    MaxValue: 1000
                  LogLevel:
                    Type: String
                    Default: INFO
                    AllowedValues: [DEBUG, INFO]
                  StageName:
                    Type: String
                    Default: dev
                    AllowedPattern: "[a-z]+"
                    MaxLength: 8
                  JwksUrl:
                    Type: String
                    AllowedPattern: "https://.+"
                  Retention:
                    Type: Number
                    Default: 7
                    AllowedValues: [1, 3, 7]
                Resources: {}
                """);
        template = TemplateDocument.load(file);
    }

    @Test
    void acceptsTheDefaultsAndValuesThatKeepTheRules() {
        ParameterConstraints.check(template, Map.of());
        ParameterConstraints.check(template, Map.of("Workers", "2", "LogLevel", "DEBUG", "StageName", "prod", "Retention", "3",
                "JwksUrl", "https://id.example.com/jwks.json"));
    }

    @Test
    void refusesEachBrokenRuleByNameAndRule() {
        assertEquals("The template's parameters are not valid: Workers is \"1\": less than 2 (MinValue)", refusal(Map.of("Workers", "1")));
        assertEquals("The template's parameters are not valid: Workers is \"5000\": more than 1000 (MaxValue)", refusal(Map.of("Workers", "5000")));
        assertEquals("The template's parameters are not valid: Workers is \"ten\": not a number (Type Number)", refusal(Map.of("Workers", "ten")));
        assertEquals("The template's parameters are not valid: LogLevel is \"TRACE\": not one of [DEBUG, INFO] (AllowedValues)",
                refusal(Map.of("LogLevel", "TRACE")));
        assertEquals("The template's parameters are not valid: StageName is \"Prod\": does not match [a-z]+ (AllowedPattern)",
                refusal(Map.of("StageName", "Prod")));
        assertEquals("The template's parameters are not valid: StageName is \"production\": longer than 8 characters (MaxLength)",
                refusal(Map.of("StageName", "production")));
        assertEquals("The template's parameters are not valid: JwksUrl is \"http://id.example.com\": does not match https://.+ (AllowedPattern)",
                refusal(Map.of("JwksUrl", "http://id.example.com")));
        assertEquals("The template's parameters are not valid: Retention is \"2\": not one of [1, 3, 7] (AllowedValues)",
                refusal(Map.of("Retention", "2")));
    }

    @Test
    void refusesAParameterTheTemplateDoesNotHave() {
        assertEquals("The template's parameters are not valid: Wrokers is not a parameter of the template", refusal(Map.of("Wrokers", "4")));
    }

    private String refusal(Map<String, String> overrides) {
        return assertThrows(IllegalArgumentException.class, () -> ParameterConstraints.check(template, overrides)).getMessage();
    }
}
