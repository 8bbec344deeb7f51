def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)

def javaDir = project.file('src/main/java/com/example')
['handler/ConnectHandler.java', 'handler/DisconnectHandler.java', 'handler/SendHandler.java',
 'handler/BroadcastHandler.java', 'handler/DefaultHandler.java', 'connection/DynamoDbConnectionStore.java', 'auth/AuthorizerHandler.java', 'auth/TokenVerifier.java'].each {
    assert new File(javaDir, it).isFile(): "missing $it"
}
assert !new File(javaDir, 'connection/InMemoryConnectionStore.java').exists()
project.assertNothingOf('memory')
project.assertNoTemplateLeftovers()

def template = project.file('template.yaml').text
assert template.contains('Runtime: java21')
assert template.contains('Handler: com.example.handler.SendHandler::handleRequest')
assert template.contains('ConnectionsTable:')
assert template.contains('AuthorizationType: CUSTOM')
assert template.contains('Handler: com.example.auth.AuthorizerHandler::handleRequest')
assert template.contains('!Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/${StageName}/POST/@connections/*')
assert project.file('pom.xml').text.contains('<maven.compiler.release>21</maven.compiler.release>')
assert project.file('mvnw').canExecute(): 'mvnw must be executable'
assert project.file('.mvn/wrapper/maven-wrapper.properties').text.contains('apache-maven-3.9.')
assert project.file('.gitignore').isFile()
['connect', 'disconnect', 'send', 'broadcast', 'default'].each { assert project.file("events/${it}.json").isFile() }

project.assertTestsRan('com.example', ['local.LocalGatewayTest', 'template.TemplateTest', 'handler.SendHandlerTest', 'auth.AuthorizerHandlerTest', 'handler.StoreFailureTest'])
int tests = project.testsRun()
assert tests >= 10: "only $tests tests ran"
println "defaults: $tests tests passed in the generated project"
assert project.file('target/echo-app-1.0.0-SNAPSHOT.jar').isFile()
