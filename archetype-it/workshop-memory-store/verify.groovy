def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'workshop-memory-store/reference.diff'), updateReferences.toBoolean())
assert !project.file('src/main/java/com/example/handler/BroadcastHandler.java').exists(): 'memory: an echo API, no broadcast'

project.applyWhoAmISolution(new File(itSources, '../docs/workshop/whoami'))
def log = new File(basedir, 'workshop.log')
assert project.mavenWrapper(localRepositoryPath.absolutePath, ['verify'], log) == 0: "the solution does not build:\n${log.text}"

project.assertTestsRan('com.example', ['WhoAmITest', 'handler.WhoAmIHandlerTest', 'template.TemplateTest', 'EndToEndTest'])
println "workshop-memory-store: ${project.testsRun()} tests passed with the whoami route"
