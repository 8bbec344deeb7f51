package com.example.template;

import static dev.websocketkit.local.template.SamTemplate.listOrSingleton;
import static dev.websocketkit.local.template.SamTemplate.mapOrEmpty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The CI workflow and the named environments of samconfig.toml it deploys. */
class PipelineTest {

    private final Map<String, Object> workflow = load(Path.of(".github/workflows/ci.yml"));
    private final Map<String, Object> jobs = mapOrEmpty(workflow.get("jobs"));

    @Test
    void testsEveryPushWithTheProjectsOwnBuild() throws IOException {
        Map<String, Object> test = mapOrEmpty(jobs.get("test"));
        assertTrue(runs(test).contains("./mvnw -B verify"), "the test job runs the build users run");
        assertEquals(List.of(javaRelease()), javaVersions(test), "CI builds with the Java the code is compiled for");
    }

    @Test
    void deploysDevFromMainAndProdByHandThroughAnOidcRole() throws IOException {
        assertEquals("test", mapOrEmpty(jobs.get("deploy-dev")).get("needs"));
        assertEquals("deploy-dev", mapOrEmpty(jobs.get("deploy-prod")).get("needs"), "prod gets what dev got first");
        for (String environment : List.of("dev", "prod")) {
            Map<String, Object> job = mapOrEmpty(jobs.get("deploy-" + environment));
            assertEquals(environment, job.get("environment"), "a GitHub environment, where prod can require a review");
            assertEquals("write", mapOrEmpty(job.get("permissions")).get("id-token"), "OIDC, no stored AWS keys");
            Map<String, Object> credentials = step(job, "aws-actions/configure-aws-credentials");
            assertEquals("${{ vars.AWS_DEPLOY_ROLE_ARN }}", mapOrEmpty(credentials.get("with")).get("role-to-assume"));
            String deploy = runs(job).stream().filter(command -> command.startsWith("sam deploy")).findFirst().orElseThrow();
            assertTrue(deploy.contains("--config-env " + environment), deploy);
            assertTrue(deploy.contains("StageName=" + environment), deploy);
            assertTrue(samconfig().contains("[" + environment + ".deploy.parameters]"), "samconfig.toml has " + environment);
            assertTrue(samconfig().contains("[" + environment + ".global.parameters]\nstack_name = \""), "its own stack name");
            assertEquals(List.of(javaRelease()), javaVersions(job));
        }
        assertTrue(workflow.containsKey("permissions") && mapOrEmpty(workflow.get("permissions")).equals(Map.of("contents", "read")),
                "jobs get nothing they do not ask for");
    }

    private static List<String> runs(Map<String, Object> job) {
        return listOrSingleton(job.get("steps")).stream().map(step -> mapOrEmpty(step).get("run"))
                .filter(String.class::isInstance).map(String.class::cast).toList();
    }

    private static Map<String, Object> step(Map<String, Object> job, String action) {
        return listOrSingleton(job.get("steps")).stream().map(step -> mapOrEmpty(step))
                .filter(step -> String.valueOf(step.get("uses")).startsWith(action + "@"))
                .findFirst().orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static List<String> javaVersions(Map<String, Object> job) {
        return List.of(String.valueOf(mapOrEmpty(step(job, "actions/setup-java").get("with")).get("java-version")));
    }

    private static String javaRelease() throws IOException {
        Matcher release = Pattern.compile("<maven.compiler.release>(\\d+)</maven.compiler.release>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(release.find(), "pom.xml sets maven.compiler.release");
        return release.group(1);
    }

    private static String samconfig() throws IOException {
        return Files.readString(Path.of("samconfig.toml"));
    }

    private static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return mapOrEmpty(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
