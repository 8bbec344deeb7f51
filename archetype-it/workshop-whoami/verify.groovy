def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)

project.applyWhoAmISolution(new File(itSources, '../docs/workshop/whoami'))
def log = new File(basedir, 'workshop.log')
assert project.mavenWrapper(localRepositoryPath.absolutePath, ['verify'], log) == 0: "the solution does not build:\n${log.text}"

project.assertTestsRan('com.example', ['WhoAmITest', 'handler.WhoAmIHandlerTest', 'template.TemplateTest', 'EndToEndTest'])
println "workshop-whoami: ${project.testsRun()} tests passed with the whoami route"

// What docs/workshop.md says the build tells a participant who skipped a step.
project.assertEveryWhoAmIStepIsChecked(localRepositoryPath.absolutePath, new File(basedir, 'workshop-steps.log'))
