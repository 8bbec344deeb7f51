package ${package}.template;

import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static dev.websocketkit.local.template.SamTemplate.properties;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.websocketkit.local.template.SamTemplate;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The account's permissions boundary is on every role the stack creates: without it, a role fails to deploy there. */
class PermissionsBoundaryTest {

    private final SamTemplate template = SamTemplate.load(Path.of("template.yaml"));

    @Test
    void everyRoleTheStackCreatesCarriesThePermissionsBoundary() {
        Object boundary = mapOrEmpty(template.section("Globals").get("Function")).get("PermissionsBoundary");
        assertNotNull(boundary, "Globals.Function gives the boundary to the role SAM creates for each function");
        for (Map.Entry<String, Map<String, Object>> function : template.resourcesOfType("AWS::Serverless::Function").entrySet()) {
            assertEquals(Optional.of(boundary), template.functionProperty(function.getValue(), "PermissionsBoundary"), function.getKey());
        }
        for (Map.Entry<String, Map<String, Object>> role : template.resourcesOfType("AWS::IAM::Role").entrySet()) {
            assertEquals(boundary, properties(role.getValue()).get("PermissionsBoundary"), role.getKey());
        }
    }
}
