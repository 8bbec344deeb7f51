// The defaults, with a permissions boundary: every role the stack creates carries it.
def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'permissions-boundary/reference.diff'), updateReferences.toBoolean())
project.assertNoTemplateLeftovers()

def boundary = 'arn:aws:iam::123456789012:policy/platform/DeveloperBoundary'
def template = project.file('template.yaml').text
assert template.count("PermissionsBoundary: $boundary") == 2: 'the boundary belongs in Globals.Function and on the API Gateway CloudWatch role'

project.assertTestsRan('com.example', ['template.TemplateTest'])
def templateTests = new groovy.xml.XmlSlurper().parse(project.file('target/surefire-reports/TEST-com.example.template.TemplateTest.xml'))
assert templateTests.testcase.find { it.@name == 'everyRoleTheStackCreatesCarriesTheSamePermissionsBoundary' }.size() == 1:
        'TemplateTest checks the boundary of every role'
int tests = project.testsRun()
println "permissions-boundary: $tests tests passed in the generated project"
project.assertBuildPrintsNoWarning(basedir)
