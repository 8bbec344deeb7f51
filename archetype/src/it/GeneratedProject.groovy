// Assertions shared by the archetype ITs' verify.groovy scripts.
class GeneratedProject {
    final File dir

    GeneratedProject(File itDir) {
        dir = new File(itDir, 'echo-app')
        assert dir.isDirectory(): "no project generated in $dir"
    }

    File file(String path) {
        new File(dir, path)
    }

    List<File> sources() {
        def files = []
        dir.eachFileRecurse { f ->
            if (f.isFile() && !f.path.contains("${File.separator}target${File.separator}")) {
                files << f
            }
        }
        files
    }

    void assertNoTemplateLeftovers() {
        sources().each { f ->
            String text = f.text
            ['#[[', ']]#', '${symbol_dollar}', '$symbol', '#if', '#end', '#set', '${package}', '${storeType}', '${javaVersion}'].each {
                assert !text.contains(it): "Velocity leftover '$it' in $f"
            }
        }
    }

    void assertNothingOf(String storeType) {
        def marker = storeType == 'memory' ? 'InMemory' : ~/(?i)dynamo/
        sources().findAll { it.name.endsWith('.java') || it.name in ['pom.xml', 'template.yaml'] }.each { f ->
            assert !(f.text =~ marker): "$f mentions the unselected store type $storeType"
        }
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
