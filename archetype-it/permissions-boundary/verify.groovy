// The defaults, with a permissions boundary: every role the stack creates carries it.
def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'permissions-boundary/reference.diff'), updateReferences.toBoolean())
project.assertNoTemplateLeftovers()

project.assertTemplateInvariants()
def boundary = 'arn:aws:iam::123456789012:policy/platform/DeveloperBoundary'
assert project.file('template.yaml').text.count("PermissionsBoundary: $boundary") == 2: 'the boundary belongs in Globals.Function and on the API Gateway CloudWatch role'

project.assertTestsRan('com.example', ['template.TemplateTest', 'template.PermissionsBoundaryTest'])
int tests = project.testsRun()
println "permissions-boundary: $tests tests passed in the generated project"
project.assertBuildPrintsNoWarning(basedir)
