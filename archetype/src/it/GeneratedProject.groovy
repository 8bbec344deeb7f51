// Assertions shared by the archetype ITs' verify.groovy scripts.
import java.nio.file.Files
import java.nio.file.Path

class GeneratedProject {
    final File dir

    GeneratedProject(File itDir) {
        dir = new File(itDir, 'echo-app')
        assert dir.isDirectory(): "no project generated in $dir"
    }

    File file(String path) {
        new File(dir, path)
    }

    /** Every file of the generated project, leaving out what its own build wrote to target/. */
    List<File> sources() {
        Path root = dir.toPath()
        Path buildOutput = root.resolve('target')
        List<File> files = Files.walk(root).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it) && !it.startsWith(buildOutput) }.collect { it.toFile() }
        }
        assert files.size() > 20: "only ${files.size()} files found in $dir"
        files
    }

    void assertNoTemplateLeftovers() {
        sources().each { f ->
            String text = f.text
            ['#[[', ']]#', '${symbol_dollar}', '$symbol', '#if', '#else', '#end', '#set', '${package}', '${storeType}',
             '${javaVersion}', '${auth}', '${AWS_', '@aws-sdk.version@', '@project.version@'].each {
                assert !text.contains(it): "Velocity or filtering leftover '$it' in $f"
            }
        }
    }

    /** No code of the project mentions what an option it did not choose would have brought (its README may name the option). */
    void assertNothingMentions(String what, Object pattern) {
        def offenders = sources().findAll { it.name.endsWith('.java') || it.name in ['pom.xml', 'template.yaml'] }
                .findAll { it.text =~ pattern }
        assert !offenders: "the project has no $what, yet these files mention it: ${offenders*.path}"
    }

    /** The generated project's own build, from the build log of the IT: it prints no warning. */
    void assertBuildPrintsNoWarning(File itDir) {
        def lines = new File(itDir, 'build.log').readLines()
        int start = lines.findIndexOf { it.contains('Building echo-app') }
        assert start >= 0: 'the generated project was not built'
        def warnings = lines.drop(start).findAll { it.contains('[WARNING]') }
        assert !warnings: "the generated project's build warns:\n${warnings.join('\n')}"
    }

    void assertTestsRan(String packageName, List<String> classes) {
        classes.each { name ->
            assert file("target/surefire-reports/TEST-${packageName}.${name}.xml").isFile(): "$name did not run"
        }
    }

    /** Tests run by surefire, read from its XML reports; fails on any failure, error or skip. */
    int testsRun() {
        int total = 0
        file('target/surefire-reports').eachFileMatch(~/TEST-.*\.xml/) { report ->
            def suite = new groovy.xml.XmlSlurper().parse(report)
            assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0: "failures in $report"
            assert suite.@skipped.toInteger() == 0: "skipped tests in $report"
            total += suite.@tests.toInteger()
        }
        total
    }
}
