// SPDX-License-Identifier: Apache-2.0

package dev.websocketkit.local;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The gateway's exported API, and the rule that keeps its packages layered. See docs/architecture.md. */
class ArchitectureTest {

    /** What a user of the gateway may use; everything under {@code dev.websocketkit.local.internal} may change in any release. */
    static final Set<String> EXPORTED_TYPES = Set.of(
            "dev.websocketkit.local.LocalGateway",
            "dev.websocketkit.local.LocalGatewayConfig",
            "dev.websocketkit.local.LogCapture",
            "dev.websocketkit.local.WebSocketTestClient",
            "dev.websocketkit.local.Handshake",
            "dev.websocketkit.local.junit.WebSocketApiTest",
            "dev.websocketkit.local.template.SamTemplate",
            "dev.websocketkit.local.testing.RecordingManagementApi",
            "dev.websocketkit.local.testing.LocalContext",
            "dev.websocketkit.local.testing.StandardOutputCapture",
            "dev.websocketkit.local.testing.WebSocketEvents",
            "dev.websocketkit.local.testing.LocalAws",
            "dev.websocketkit.local.testing.TestIdentityProvider");

    private static final String INTERNAL = "dev.websocketkit.local.internal";

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.websocketkit.local");

    @Test
    void exportsThirteenTypesAtMost() {
        Set<String> exported = new TreeSet<>();
        GATEWAY.stream().filter(ArchitectureTest::isPublic).filter(type -> !isInternal(type)).forEach(type -> exported.add(type.getName()));

        assertEquals(new TreeSet<>(EXPORTED_TYPES), exported, "the public types outside " + INTERNAL);
        assertEquals(13, EXPORTED_TYPES.size());
    }

    @Test
    void theExportedTypesTakeAndGiveNoInternalType() {
        List<String> leaks = GATEWAY.stream().filter(type -> EXPORTED_TYPES.contains(type.getName()))
                .flatMap(type -> Stream.concat(type.getMethods().stream(), type.getConstructors().stream()))
                .filter(member -> member.getModifiers().contains(JavaModifier.PUBLIC))
                .filter(ArchitectureTest::mentionsAnInternalType)
                .map(JavaCodeUnit::getFullName)
                .sorted()
                .toList();

        assertEquals(List.of(), leaks, "public methods of exported types that mention internal types");
    }

    @Test
    void noPackageDependsOnAPackageThatDependsBackOnIt() {
        slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass type) {
                return SliceIdentifier.of(type.getPackageName());
            }

            @Override
            public String getDescription() {
                return "the gateway's packages";
            }
        }).should().beFreeOfCycles().check(GATEWAY);
    }

    private static boolean mentionsAnInternalType(JavaCodeUnit member) {
        return Stream.concat(member.getRawParameterTypes().stream(), Stream.of(member.getRawReturnType())).anyMatch(ArchitectureTest::isInternal);
    }

    private static boolean isPublic(JavaClass type) {
        return type.getModifiers().contains(JavaModifier.PUBLIC)
                && type.getEnclosingClass().map(ArchitectureTest::isPublic).orElse(true);
    }

    private static boolean isInternal(JavaClass type) {
        return type.getPackageName().startsWith(INTERNAL);
    }
}
