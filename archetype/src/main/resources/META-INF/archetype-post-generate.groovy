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

// features: none, or a comma-separated list of the optional slices; each is a folder under features/.
def allowedFeatures = ['broadcast', 'operations']
String featuresValue = properties.getProperty('features').trim()
List<String> features = featuresValue == 'none' ? [] : featuresValue.split(',', -1).collect { it.trim() }
def unknownFeatures = features.findAll { !allowedFeatures.contains(it) }
if (unknownFeatures) {
    problems << "Invalid value '${featuresValue}' for property 'features': allowed values are none, or a comma-separated " +
            "list of ${allowedFeatures.join(', ')} (unknown: ${unknownFeatures.collect { "'$it'" }.join(', ')})."
} else if (features.contains('broadcast') && properties.getProperty('storeType') == 'memory') {
    problems << "Invalid value '${featuresValue}' for property 'features': broadcast needs storeType=dynamodb, " +
            "a store the functions share; storeType=memory keeps connections in no place a broadcast could read."
}

if (problems) {
    projectDir.toFile().deleteDir()
    throw new IllegalArgumentException(problems.join(System.lineSeparator()))
}

String packagePath = packageName.replace('.', '/')
def remove = { String path -> projectDir.resolve(path).toFile().with { it.directory ? it.deleteDir() : it.delete() } }

// storeType=memory keeps no connections: the store's code and its tests go.
if (properties.getProperty('storeType') == 'memory') {
    ['main', 'test'].each { remove("src/$it/java/$packagePath/connection") }
    remove("src/test/java/$packagePath/handler/StoreFailureTest.java")
    remove("src/test/java/$packagePath/support")
}

// Without authorization there is no authorizer: its package goes, main and test.
if (properties.getProperty('auth') == 'none') {
    ['main', 'test'].each { remove("src/$it/java/$packagePath/auth") }
}

// Each chosen feature, and each folder named after two chosen features (a+b), is laid over the project:
// its files are added or replace the default's, its template.yaml is merged into the project's and its
// README.md becomes a section of the project's README.
Path featuresDir = projectDir.resolve('features')
def slices = (featuresDir.toFile().listFiles() ?: []).findAll { it.name.split('\\+').every { features.contains(it) } }
// Single features first, in the order of allowedFeatures, then the combinations.
slices.sort { it.name.count('+') * allowedFeatures.size() + allowedFeatures.indexOf(it.name.split('\\+')[0]) }.each { slice ->
    slice.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        String path = slice.toPath().relativize(file.toPath()).toString().replace(File.separator, '/')
        File target = projectDir.resolve(path).toFile()
        if (path == 'template.yaml') {
            target.text = TemplateFragments.merge(target.text, file.text, slice.name)
        } else if (path == 'README.md') {
            target.text = target.text.stripTrailing() + '\n\n' + file.text
        } else {
            target.parentFile.mkdirs()
            target.bytes = file.bytes
        }
    }
}
featuresDir.toFile().deleteDir()

// The archetype plugin does not keep file modes.
projectDir.resolve('mvnw').toFile().setExecutable(true, false)

/**
 * Merges a feature's part of template.yaml into the project's: each top-level section of the
 * fragment (Parameters, Conditions, Resources, Outputs...) goes at the end of the same section, or
 * becomes a new section in CloudFormation's usual order. What comes before the fragment's first
 * section is a comment for the archetype's readers and is left out.
 */
class TemplateFragments {

    static final List<String> ORDER = ['AWSTemplateFormatVersion', 'Transform', 'Description', 'Metadata', 'Parameters',
                                       'Mappings', 'Conditions', 'Globals', 'Resources', 'Outputs']

    static String merge(String template, String fragment, String feature) {
        List<String> lines = template.readLines()
        sections(fragment.readLines()).each { String name, List<String> body ->
            if (!ORDER.contains(name)) {
                throw new IllegalStateException("features/$feature/template.yaml: unknown top-level section $name")
            }
            int start = lines.findIndexOf { it == name + ':' }
            if (start < 0) {
                int before = lines.findIndexOf { line -> ORDER.indexOf(sectionName(line)) > ORDER.indexOf(name) }
                lines.addAll(before < 0 ? lines.size() : before, [name + ':'] + body + [''])
            } else {
                int end = lines.findIndexOf(start + 1) { sectionName(it) != null }
                end = end < 0 ? lines.size() : end
                while (end > start + 1 && lines[end - 1].trim().isEmpty()) {
                    end--
                }
                lines.addAll(end, [''] + body)
            }
        }
        return lines.join('\n') + '\n'
    }

    /** The top-level sections of a fragment, by name, each without its heading or trailing blank lines. */
    private static Map<String, List<String>> sections(List<String> lines) {
        Map<String, List<String>> sections = [:]
        List<String> current = null
        lines.each { line ->
            String name = sectionName(line)
            if (name != null) {
                current = []
                sections[name] = current
            } else if (current != null) {
                current << line
            }
        }
        sections.values().each { body ->
            while (body && body.last().trim().isEmpty()) {
                body.remove(body.size() - 1)
            }
        }
        return sections
    }

    private static String sectionName(String line) {
        def match = line =~ /^([A-Za-z]+):\s*$/
        return match ? match.group(1) : null
    }
}
