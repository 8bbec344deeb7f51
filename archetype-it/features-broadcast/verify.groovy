def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'features-broadcast/reference.diff'),
        updateReferences.toBoolean())
project.assertNoTemplateLeftovers()
project.assertTemplateInvariants()
project.assertUsesOnlyTheGatewaysApi()
assert !project.file('features').exists(): 'the slices are laid over the project, not left in it'
assert !project.file('.github').exists(): 'the pipeline comes with operations'

def template = project.file('template.yaml').text
['BroadcastFunction:', 'BroadcastWorkerFunction:', 'BroadcastQueue:', 'BroadcastRoute:', 'BroadcastDeadLettersAlarm:',
 'BroadcastFanOutThreshold:'].each { assert template.contains(it): "template.yaml lacks $it" }
assert !template.contains('Dashboard:')
['broadcast', 'broadcast-page'].each { assert project.file("events/${it}.json").isFile() }
assert project.file('src/main/java/com/example/handler/Routes.java').text.contains('List.of(SEND, BROADCAST)')

project.assertBuildPrintsNoWarning(basedir)
project.assertTestsRan('com.example', ['BroadcastEndToEndTest', 'FanOutTest', 'handler.BroadcastHandlerTest', 'handler.BroadcastWorkerHandlerTest',
                                       'handler.BroadcastStoreFailureTest', 'handler.BroadcastPrimingTest', 'connection.DynamoDbAudienceTest',
                                       'template.BroadcastTemplateTest', 'template.TemplateTest'])
println "features-broadcast: ${project.testsRun()} tests passed in the generated project"
project.printSize('features-broadcast')
