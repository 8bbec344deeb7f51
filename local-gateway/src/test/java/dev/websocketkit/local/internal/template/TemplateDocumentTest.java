// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateDocumentTest {

    @Test
    void mergesAFunctionsMapPropertiesWithTheGlobalsAsSamDoes(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("template.yaml");
        Files.writeString(file, """
                Globals:
                  Function:
                    Timeout: 15
                    LoggingConfig:
                      LogFormat: JSON
                      ApplicationLogLevel: INFO
                Resources:
                  Echo:
                    Type: AWS::Serverless::Function
                    Properties:
                      Timeout: 5
                      LoggingConfig:
                        LogGroup: echo-logs
                        ApplicationLogLevel: DEBUG
                """);
        TemplateDocument template = TemplateDocument.load(file);
        Map<String, Object> echo = TemplateDocument.mapOrEmpty(template.resources().get("Echo"));

        assertEquals(Map.of("LogFormat", "JSON", "ApplicationLogLevel", "DEBUG", "LogGroup", "echo-logs"),
                template.functionProperty(echo, "LoggingConfig").orElseThrow());
        assertEquals(5, template.functionProperty(echo, "Timeout").orElseThrow());
    }
}
