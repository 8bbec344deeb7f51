def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)

def javaDir = project.file('src/main/java/com/example')
assert new File(javaDir, 'connection/InMemoryConnectionStore.java').isFile()
['connection/DynamoDbConnectionStore.java'].each { assert !new File(javaDir, it).exists() }
assert !project.file('src/test/java/com/example/support/DynamoDbLocal.java').exists()
assert !project.file('src/test/java/com/example/connection/DynamoDbConnectionStoreTest.java').exists()
project.assertNothingOf('dynamodb')
assert !project.file('src/main/java/com/example/auth').exists(): 'auth=none generates no authorizer'
assert !project.file('src/test/java/com/example/auth').exists()
project.assertNoTemplateLeftovers()

def template = project.file('template.yaml').text
assert template.contains('Runtime: java17')
assert !template.contains('ConnectionsTable')
assert !template.contains('Authorizer')
assert !template.contains('JwksUrl')
assert template.contains('AuthorizationType: NONE')
assert project.file('pom.xml').text.contains('<maven.compiler.release>17</maven.compiler.release>')

project.assertTestsRan('com.example', ['local.LocalGatewayTest', 'template.TemplateTest', 'handler.SendHandlerTest'])
int tests = project.testsRun()
assert tests >= 10: "only $tests tests ran"
println "memory-java17-no-auth: $tests tests passed in the generated project"
