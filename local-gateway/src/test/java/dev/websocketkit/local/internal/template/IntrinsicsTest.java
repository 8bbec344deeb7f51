// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.internal.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntrinsicsTest {

    @TempDir
    Path dir;

    @Test
    void resolvesTheIntrinsicFunctionsOfShortAndLongForm() throws Exception {
        Intrinsics intrinsics = intrinsics("""
                Parameters:
                  Stage:
                    Type: String
                    Default: prod
                  Secret:
                    Type: String
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  Api:
                    Type: AWS::ApiGatewayV2::Api
                """, Map.of("Secret", "s3cr3t"));
        intrinsics.assign("Table", "table-1");
        intrinsics.assignAttribute("Table", "Arn", "arn:aws:dynamodb:us-east-1:123456789012:table/table-1");

        assertEquals("prod", intrinsics.resolve(Map.of("Ref", "Stage")));
        assertEquals("s3cr3t", intrinsics.resolve(Map.of("Ref", "Secret")));
        assertEquals("table-1", intrinsics.resolve(Map.of("Ref", "Table")));
        assertEquals("Api", intrinsics.resolve(Map.of("Ref", "Api")), "a resource given nothing resolves to its logical id");
        assertEquals("arn:aws:dynamodb:us-east-1:123456789012:table/table-1", intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Table", "Arn"))));
        assertEquals("https://Api.execute-api.us-east-1.amazonaws.com/prod/${Literal}",
                intrinsics.resolve(Map.of("Fn::Sub", "https://${Api}.execute-api.${AWS::Region}.${AWS::URLSuffix}/${Stage}/${!Literal}")));
        assertEquals("table-1/x", intrinsics.resolve(Map.of("Fn::Sub", List.of("${Name}/x", Map.of("Name", Map.of("Ref", "Table"))))));
        assertEquals("a-b-prod", intrinsics.resolve(Map.of("Fn::Join", List.of("-", List.of("a", "b", Map.of("Ref", "Stage"))))));
        assertEquals("b", intrinsics.resolve(Map.of("Fn::Select", List.of("1", Map.of("Fn::Split", List.of(",", "a,b,c"))))));
        assertNull(intrinsics.resolve(Map.of("Ref", "AWS::NoValue")));
    }

    @Test
    void namesWhatItCannotResolve() throws Exception {
        Intrinsics intrinsics = intrinsics("""
                Parameters:
                  NoDefault:
                    Type: String
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                """, Map.of());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> intrinsics.resolve(Map.of("Ref", "NoDefault")))
                .getMessage().contains("NoDefault has no default"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> intrinsics.resolve(Map.of("Ref", "Missing")))
                .getMessage().contains("Ref Missing names no parameter or resource"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> intrinsics.resolve(Map.of("Fn::GetAtt", List.of("Table", "StreamArn"))))
                .getMessage().contains("Table.StreamArn"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> intrinsics.resolve(Map.of("Fn::If", List.of("C", "a", "b"))))
                .getMessage().contains("Fn::If"));
    }

    private Intrinsics intrinsics(String template, Map<String, String> parameters) throws Exception {
        Path file = dir.resolve("template.yaml");
        Files.writeString(file, template);
        return new Intrinsics(TemplateDocument.load(file), "stack", parameters);
    }
}
