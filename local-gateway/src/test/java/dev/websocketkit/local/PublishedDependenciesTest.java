// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** What the gateway's pom hands on to the projects that test with it. */
class PublishedDependenciesTest {

    /**
     * The gateway's Log4j API (DynamoDB Local's, 2.17.1) must not reach a project's own artifact: as a
     * direct dependency it would win Maven's mediation against the API a project's log4j-core brings, and
     * Log4j would fall back to its simple logger in the deployed function.
     */
    @Test
    void leavesTheLog4jApiToTheProjectsOwnLog4j() throws Exception {
        NodeList dependencies = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("pom.xml").toFile()).getDocumentElement().getElementsByTagName("dependency");
        List<String> log4jApi = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            if (text(dependency, "artifactId").equals("log4j-api")) {
                log4jApi.add(text(dependency, "optional").equals("true") ? "optional" : "not optional");
            }
        }
        assertEquals(List.of("optional"), log4jApi, "the gateway's log4j-api dependencies");
    }

    private static String text(Element parent, String child) {
        NodeList found = parent.getElementsByTagName(child);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
