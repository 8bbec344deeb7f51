// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

    private static final Path JAVA = Path.of("/jdk/bin/java");
    private static final Runtime.Version JDK = Runtime.Version.parse("25.0.3");

    @TempDir
    Path directory;

    private Path gateway;
    private Path jetty;
    private ClassDataArchive archive;

    @BeforeEach
    void madeForTheseJars() throws Exception {
        gateway = Files.writeString(directory.resolve("gateway.jar"), "gateway");
        jetty = Files.writeString(directory.resolve("jetty.jar"), "jetty");
        archive = new ClassDataArchive(directory.resolve("local-gateway/gateway.jsa"));
        archive.prepareFor(JAVA, JDK, List.of(gateway, jetty));
        Files.writeString(archive.archive(), "the JVM's archive");
    }

    @Test
    void keepsTheArchiveForTheSameJdkAndJars() throws Exception {
        archive.prepareFor(JAVA, JDK, List.of(gateway, jetty));

        assertTrue(Files.exists(archive.archive()));
    }

    @Test
    void deletesTheArchiveWhenAJarChangedInPlace() throws Exception {
        Files.setLastModifiedTime(jetty, FileTime.from(Instant.now().plusSeconds(60)));

        archive.prepareFor(JAVA, JDK, List.of(gateway, jetty));

        assertFalse(Files.exists(archive.archive()), "a rebuilt jar makes the JVM refuse the archive without writing another");
    }

    @Test
    void deletesTheArchiveWhenTheClassPathChanged() throws Exception {
        Path newerJetty = Files.writeString(directory.resolve("jetty-newer.jar"), "jetty");

        archive.prepareFor(JAVA, JDK, List.of(gateway, newerJetty));

        assertFalse(Files.exists(archive.archive()));
    }

    @Test
    void deletesTheArchiveForAnotherJdk() throws Exception {
        archive.prepareFor(JAVA, Runtime.Version.parse("25.0.4"), List.of(gateway, jetty));

        assertFalse(Files.exists(archive.archive()));
    }

    @Test
    void keepsTheNextArchiveOnceTheJvmHasWrittenIt() throws Exception {
        Files.setLastModifiedTime(jetty, FileTime.from(Instant.now().plusSeconds(60)));
        archive.prepareFor(JAVA, JDK, List.of(gateway, jetty));
        Files.writeString(archive.archive(), "the JVM's next archive");

        archive.prepareFor(JAVA, JDK, List.of(gateway, jetty));

        assertTrue(Files.exists(archive.archive()));
    }

    @Test
    void refusesADirectoryForTheArchive() {
        ClassDataArchive directoryNamed = new ClassDataArchive(directory);

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> directoryNamed.prepareFor(JAVA, JDK, List.of(gateway, jetty)));
        assertEquals(directory.toAbsolutePath() + " is a directory: name the archive's file in it, such as gateway.jsa", refused.getMessage());
        assertTrue(Files.exists(gateway), "nothing in the directory was deleted");
    }
}
