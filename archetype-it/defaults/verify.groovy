def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesReference(new File(itSources, 'defaults/reference'), updateReferences.toBoolean())

def javaDir = project.file('src/main/java/com/example')
['handler/ConnectHandler.java', 'handler/DisconnectHandler.java', 'handler/SendHandler.java', 'handler/DefaultHandler.java', 'connection/DynamoDbConnectionStore.java', 'auth/AuthorizerHandler.java', 'auth/TokenVerifier.java'].each {
    assert new File(javaDir, it).isFile(): "missing $it"
}
assert !project.file('src/test/java/com/example/local').exists(): 'the local gateway is a dependency, not a copy'
project.assertNoTemplateLeftovers()
project.assertUsesOnlyTheGatewaysApi()
project.assertNothingMentions('in-memory store', ~/InMemory/)
project.assertNothingMentions('permissions boundary', ~/(?i)permissionsBoundary/)
project.assertTemplateInvariants()

def template = project.file('template.yaml').text
assert template.contains('Runtime: java21')
assert template.contains('Handler: com.example.handler.SendHandler::handleRequest')
assert template.contains('ConnectionsTable:')
assert template.contains('AuthorizationType: CUSTOM')
assert template.contains('Handler: com.example.auth.AuthorizerHandler::handleRequest')
assert template.contains('!Sub arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebSocketApi}/${StageName}/POST/@connections/*')
assert template.contains('''      Value: !Sub
        - "${AWS::StackName}-${Suffix}"
        - Suffix: !Select [2, !Split ["/", !Ref AWS::StackId]]'''): 'the browsers\' key: unique to the stack, and over API Gateway\'s 20-character minimum'

def pom = new groovy.xml.XmlSlurper().parse(project.file('pom.xml'))
assert pom.properties.'maven.compiler.release'.text() == '21'
assert pom.properties.'websocket-local.version'.text() == archetypeVersion: 'the gateway version comes from the archetype build'
assert !project.file('pom.xml').text.contains('DynamoDBLocal'): 'DynamoDB Local comes with the gateway'
assert project.file('mvnw').canExecute(): 'mvnw must be executable'
assert project.file('.mvn/wrapper/maven-wrapper.properties').text.contains('apache-maven-3.9.')
assert project.file('.gitignore').isFile()
['connect', 'disconnect', 'send', 'default'].each { assert project.file("events/${it}.json").isFile() }
assert !project.file('features').exists(): 'the optional slices are not left in the project'
assert !project.file('.github').exists() && !template.contains('Dashboard:'): 'the pipeline and the dashboard come with features=operations'
assert !project.file('src/main/java/com/example/handler/BroadcastHandler.java').exists(): 'broadcast comes with features=broadcast'
project.assertNothingMentions('broadcast', ~/(?i)broadcast/)

project.assertTestsRan('com.example', ['EndToEndTest', 'HandshakeTest', 'template.TemplateTest', 'template.AuthorizationTemplateTest',
                                       'handler.SendHandlerTest', 'handler.ConnectionRegistryTest', 'handler.BrowserHandshakeTest',
                                       'auth.AuthorizerHandlerTest', 'auth.JwksKeysTest', 'handler.StoreFailureTest',
                                       'connection.DynamoDbConnectionStoreTest', 'messaging.JsonTest'])
int tests = project.testsRun()
assert tests >= 80: "only $tests tests ran"
println "defaults: $tests tests passed in the generated project"

// The lean default's size, at the targets of issue #18: template.yaml 450 lines, main code 1,400, tests no longer than
// the main code. The project can only shrink, but for the 18 lines that send each SDK request in one piece (a millisecond
// less per call, docs/performance.md): main code 1,420.
project.printSize('defaults')
def size = project.size()
assert size.template <= 450 && size.main <= 1420 && size.test <= size.main: "the default project grew: $size"

// The deployable jar carries the service files of every SDK module, merged.
def jar = new java.util.jar.JarFile(project.file('target/echo-app-1.0.0-SNAPSHOT.jar'))
def warmUp = jar.getInputStream(jar.getEntry('META-INF/services/software.amazon.awssdk.core.warmup.SdkWarmUpProvider')).text
assert warmUp.contains('apigatewaymanagementapi') && warmUp.contains('dynamodb'): "SdkWarmUpProvider lists: $warmUp"
jar.close()
project.assertConnectLoadsNoJackson(project.file('target/echo-app-1.0.0-SNAPSHOT.jar'), 'com.example')
project.assertRequestsGoInOnePiece(project.file('target/echo-app-1.0.0-SNAPSHOT.jar'), 'com.example')

project.assertBuildPrintsNoWarning(basedir)

// ./mvnw -Plocal as the README says, and the seed's transcript through it. As it stops, the gateway's
// JVM writes a class-data archive, without a word on the console; the next start loads the gateway's
// classes from it.
def archive = project.file('target/local-gateway/gateway.jsa')
archive.delete()
def firstStart = project.echoThroughMvnwLocal(localRepositoryPath.absolutePath)
assert firstStart.reply == '"Hello World!"'
assert archive.isFile(): "no class-data archive after ./mvnw -Plocal stopped:\n${firstStart.console.join('\n')}"
def jvmLogLines = firstStart.console.findAll { it =~ /^\[[0-9.]+s\]\[/ }
assert jvmLogLines.isEmpty(): "the JVM's own log on the console:\n${jvmLogLines.join('\n')}"
def classLoading = project.file('target/local-gateway/class-loading.log')
def secondStart = project.echoThroughMvnwLocal(localRepositoryPath.absolutePath, ["-Dlocal.jvmArgs=-Xlog:class+load=info:file=$classLoading"])
assert secondStart.reply == '"Hello World!"'
def gatewayClass = classLoading.readLines().find { it.contains(' dev.websocketkit.local.LocalGateway source: ') }
assert gatewayClass?.endsWith('source: shared objects file (top)'): "the second start loaded the gateway from elsewhere: $gatewayClass"
