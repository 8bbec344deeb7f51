def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'java25-custom-package/reference.diff'),
        updateReferences.toBoolean(), 'org.acme.realtime.chat')

assert project.file('src/main/java/org/acme/realtime/chat/handler/SendHandler.java').text
        .startsWith('package org.acme.realtime.chat.handler;')
assert !project.file('src/main/java/com/example').exists()
project.assertNoTemplateLeftovers()
project.assertTemplateInvariants()

def template = project.file('template.yaml').text
assert template.contains('Runtime: java25')
assert template.contains('Handler: org.acme.realtime.chat.handler.ConnectHandler::handleRequest')

project.assertBuildPrintsNoWarning(basedir)
project.assertTestsRan('org.acme.realtime.chat', ['EndToEndTest', 'template.TemplateTest', 'handler.SendHandlerTest'])
int tests = project.testsRun()
assert tests >= 60: "only $tests tests ran"
println "java25-custom-package: $tests tests passed in the generated project"
