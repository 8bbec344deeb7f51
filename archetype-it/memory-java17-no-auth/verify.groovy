def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'memory-java17-no-auth/reference.diff'), updateReferences.toBoolean())

def javaDir = project.file('src/main/java/com/example')
['handler/ConnectHandler.java', 'handler/SendHandler.java', 'handler/DefaultHandler.java'].each {
    assert new File(javaDir, it).isFile(): "missing $it"
}
assert !new File(javaDir, 'connection').exists(): 'an echo API keeps no connection store'
assert !new File(javaDir, 'handler/BroadcastHandler.java').exists(): 'no broadcast without a shared store'
assert !project.file('src/main/java/com/example/auth').exists(): 'auth=none generates no authorizer'
assert !project.file('src/test/java/com/example/auth').exists()
assert !project.file('events/broadcast.json').exists()
project.assertNoTemplateLeftovers()
project.assertTemplateInvariants()
project.assertUsesOnlyTheGatewaysApi()
project.assertNothingMentions('DynamoDB', ~/(?i)dynamo/)
project.assertNothingMentions('broadcast', ~/(?i)broadcast/)
project.assertNothingMentions('authorizer', ~/AuthorizerHandler|TokenVerifier|nimbus|JwksUrl|JWKS_URL/)

def template = project.file('template.yaml').text
assert template.contains('Runtime: java17')
assert template.contains('AuthorizationType: NONE')
assert project.file('pom.xml').text.contains('<maven.compiler.release>17</maven.compiler.release>')

project.assertBuildPrintsNoWarning(basedir)
project.assertTestsRan('com.example', ['EndToEndTest', 'HandshakeTest', 'template.TemplateTest', 'template.AuthorizationTemplateTest',
                                       'handler.SendHandlerTest', 'handler.ConnectHandlerTest', 'handler.DisconnectHandlerTest'])
assert !project.file('src/test/java/com/example/handler/BrowserHandshakeTest.java').exists(): 'no token, no browser handshake'
assert !project.file('src/test/java/com/example/handler/ConnectionRegistryTest.java').exists(): 'no store to register in'
int tests = project.testsRun()
assert tests >= 25: "only $tests tests ran"
println "memory-java17-no-auth: $tests tests passed in the generated project"
