// Runs after the archetype plugin has written the project. The plugin does not apply the
// metadata's validation regexes to values given with -D in batch mode, so the rules are checked
// here; a bad value removes the half-generated project and fails generation.
import java.nio.file.Path
import java.nio.file.Paths

Path projectDir = Paths.get(request.outputDirectory, request.artifactId)
Properties properties = request.properties

def javaKeywords = ('abstract assert boolean break byte case catch char class const continue default do double ' +
        'else enum extends final finally float for goto if implements import instanceof int interface long ' +
        'native new package private protected public return short static strictfp super switch synchronized ' +
        'this throw throws transient try void volatile while true false null _').split(' ') as Set

def problems = []

String packageName = properties.getProperty('package')
def badSegments = packageName.split('\\.', -1).findAll { segment ->
    !(segment ==~ /[A-Za-z_][A-Za-z0-9_]*/) || javaKeywords.contains(segment)
}
if (badSegments) {
    problems << "Invalid value '${packageName}' for property 'package': each dot-separated segment must " +
            "start with a letter or underscore, contain only letters, digits and underscores, and not be " +
            "a Java keyword (offending: ${badSegments.collect { "'$it'" }.join(', ')})."
}

def choices = [storeType: ['dynamodb', 'memory'], auth: ['jwt', 'none'], javaVersion: ['21', '17', '25']]
choices.each { property, allowed ->
    String value = properties.getProperty(property)
    if (!allowed.contains(value)) {
        problems << "Invalid value '${value}' for property '${property}': allowed values are ${allowed.join(', ')}."
    }
}

// The ARN of an IAM managed policy: arn:<partition>:iam::<account>:policy/<path/name>, as IAM spells it.
String permissionsBoundary = properties.getProperty('permissionsBoundary')
String policyArn = /arn:aws(-[a-z]+)*:iam::\d{12}:policy\/([\w+=,.@-]+\/)*[\w+=,.@-]+/
if (permissionsBoundary != 'none' && !(permissionsBoundary ==~ policyArn)) {
    problems << "Invalid value '${permissionsBoundary}' for property 'permissionsBoundary': allowed values are none, " +
            "or the ARN of an IAM managed policy, arn:<partition>:iam::<12-digit account id>:policy/<path/name>."
}

if (problems) {
    projectDir.toFile().deleteDir()
    throw new IllegalArgumentException(problems.join(System.lineSeparator()))
}

String packagePath = packageName.replace('.', '/')
def remove = { String path -> projectDir.resolve(path).toFile().with { it.directory ? it.deleteDir() : it.delete() } }

// storeType=memory is an echo API: without a store shared by the functions there is nothing to broadcast to.
if (properties.getProperty('storeType') == 'memory') {
    ['main', 'test'].each { remove("src/$it/java/$packagePath/connection") }
    remove("src/main/java/$packagePath/broadcast")
    remove("src/test/java/$packagePath/FanOutTest.java")
    ['BroadcastHandler', 'BroadcastWorkerHandler'].each {
        remove("src/main/java/$packagePath/handler/${it}.java")
        remove("src/test/java/$packagePath/handler/${it}Test.java")
    }
    remove("src/test/java/$packagePath/handler/StoreFailureTest.java")
    remove("src/test/java/$packagePath/support")
    remove('events/broadcast.json')
    remove('events/broadcast-page.json')
}

// Without authorization there is no authorizer: its package goes, main and test.
if (properties.getProperty('auth') == 'none') {
    ['main', 'test'].each { remove("src/$it/java/$packagePath/auth") }
}

// The archetype plugin does not keep file modes.
projectDir.resolve('mvnw').toFile().setExecutable(true, false)
