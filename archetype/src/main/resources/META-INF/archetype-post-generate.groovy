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

// A property value other than the default may come with whole files of its own, in
// variants/<property>-<value>/: they replace the default's. Its template.yaml is applied below.
Path variantsDir = projectDir.resolve('variants')
def overlay = { String name ->
    File variant = variantsDir.resolve(name).toFile()
    variant.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        String path = variant.toPath().relativize(file.toPath()).toString().replace(File.separator, '/')
        if (path != 'template.yaml') {
            File target = projectDir.resolve(path).toFile()
            target.parentFile.mkdirs()
            target.bytes = file.bytes
        }
    }
}

// storeType=memory keeps no connections: the store's code and its tests go.
if (properties.getProperty('storeType') == 'memory') {
    ['main', 'test'].each { remove("src/$it/java/$packagePath/connection") }
    ['StoreFailureTest', 'ConnectionRegistryTest'].each { remove("src/test/java/$packagePath/handler/${it}.java") }
    remove("src/test/java/$packagePath/support")
    overlay('storeType-memory')
}

// Without authorization there is no authorizer: its package goes, main and test.
if (properties.getProperty('auth') == 'none') {
    ['main', 'test'].each { remove("src/$it/java/$packagePath/auth") }
    remove("src/test/java/$packagePath/handler/BrowserHandshakeTest.java")
    overlay('auth-none')
}

// With a permissions boundary, a test that every role the stack creates, now or later, carries it.
if (permissionsBoundary != 'none') {
    overlay('permissionsBoundary-arn')
}

// Each chosen feature, and each folder named after two chosen features (a+b), is laid over the project:
// its files are added or replace the default's, its template.yaml is merged into the project's and its
// README.md becomes a section of the project's README.
File templateFile = projectDir.resolve('template.yaml').toFile()
TemplateText template = new TemplateText(templateFile.text)
Path featuresDir = projectDir.resolve('features')
def slices = (featuresDir.toFile().listFiles() ?: []).findAll { it.name.split('\\+').every { features.contains(it) } }
// Single features first, in the order of allowedFeatures, then the combinations.
slices.sort { it.name.count('+') * allowedFeatures.size() + allowedFeatures.indexOf(it.name.split('\\+')[0]) }.each { slice ->
    slice.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        String path = slice.toPath().relativize(file.toPath()).toString().replace(File.separator, '/')
        File target = projectDir.resolve(path).toFile()
        if (path == 'template.yaml') {
            template.merge(file.text, "features/${slice.name}/template.yaml")
        } else if (path == 'README.md') {
            target.text = target.text.stripTrailing() + '\n\n' + file.text
        } else {
            target.parentFile.mkdirs()
            target.bytes = file.bytes
        }
    }
}

// The operations alarms are a Fn::ForEach loop: CloudFormation expands it with the AWS::LanguageExtensions
// transform, which must run before SAM's. The loop lists every function: with broadcast, its two too.
if (features.contains('operations')) {
    template.replaceLine('Transform: AWS::Serverless-2016-10-31', 'Transform:')
    template.insertAfter('Transform:', ['  # Expands the Fn::ForEach loops (the operations alarms); it must come before the SAM transform.',
                                        '  - AWS::LanguageExtensions', '  - AWS::Serverless-2016-10-31'])
    if (features.contains('broadcast')) {
        template.addToLoopCollection('FunctionAlarms', ['BroadcastFunction', 'BroadcastWorkerFunction'])
    }
}

// template.yaml is written, as SAM, for the defaults and the package com.example; the other values
// of the properties are applied here. variants/<property>-<value>/template.yaml holds the resources
// that differ, whole.
def variant = { String name -> variantsDir.resolve("$name/template.yaml").toFile().text }
if (properties.getProperty('auth') == 'none') {
    template.removeSection('Metadata')
    template.removeEntries('Parameters', ['JwksUrl', 'JwtIssuer', 'JwtAudience', 'JwksCacheMinutes'])
    template.removeEntries('Resources', ['AuthorizerFunction', 'ConnectAuthorizer', 'AuthorizerPermission', 'DefaultApiKey',
                                         'DefaultUsagePlanKey', 'AuthorizerFailuresAlarm'] +
            (features.contains('operations') ? ['AuthorizerThrottlesAlarm'] : []))
    template.replaceEntries(variant('auth-none'), 'variants/auth-none/template.yaml')
    template.removeLinesContaining('"ConnectionsRejected"', features.contains('operations') ? 1 : 0)
}
if (properties.getProperty('storeType') == 'memory') {
    template.removeEntries('Resources', ['ConnectionsTable'])
    template.removeLinesContaining('CONNECTIONS_TABLE: !Ref ConnectionsTable', 1)
    template.replaceEntries(variant('storeType-memory'), 'variants/storeType-memory/template.yaml')
}
if (permissionsBoundary != 'none') {
    template.insertAfter('    Tracing: Active', ["    # The account's permissions boundary, on the role SAM creates for each function.",
                                                "    PermissionsBoundary: $permissionsBoundary"])
    template.insertAfter('      Description: Lets API Gateway write the logs of every API of this account and Region',
            ["      PermissionsBoundary: $permissionsBoundary"])
}
template.replaceLine('    Runtime: java21', "    Runtime: java${properties.getProperty('javaVersion')}")
template.replaceLine('Description: WebSocket API on Amazon API Gateway and AWS Lambda',
        "Description: ${request.artifactId} - WebSocket API on Amazon API Gateway and AWS Lambda")
template.replaceInLines('Handler: com.example.', "Handler: ${packageName}.")
templateFile.text = template.toString()
featuresDir.toFile().deleteDir()
variantsDir.toFile().deleteDir()

// The archetype plugin does not keep file modes.
projectDir.resolve('mvnw').toFile().setExecutable(true, false)

/**
 * Edits of template.yaml's text that keep its layout and comments. Each fails, naming what it looked
 * for, when the template lacks it: a change to template.yaml that breaks a variant breaks generation.
 * An entry is a key two spaces in, under a top-level section, with the comment lines above it.
 */
class TemplateText {

    static final List<String> ORDER = ['AWSTemplateFormatVersion', 'Transform', 'Description', 'Metadata', 'Parameters',
                                       'Mappings', 'Conditions', 'Globals', 'Resources', 'Outputs']

    private final List<String> lines

    TemplateText(String text) {
        lines = text.readLines()
    }

    /**
     * Adds each top-level section of a fragment at the end of the same section, or as a new section in
     * CloudFormation's usual order. What comes before the fragment's first section is a comment for
     * the archetype's readers and is left out.
     */
    void merge(String fragment, String source) {
        sections(fragment.readLines(), source).each { String name, List<String> body ->
            int start = lines.indexOf(name + ':')
            if (start < 0) {
                int before = lines.findIndexOf { line -> ORDER.indexOf(sectionName(line)) > ORDER.indexOf(name) }
                lines.addAll(before < 0 ? lines.size() : before, [name + ':'] + body + [''])
            } else {
                int end = sectionEnd(start)
                while (end > start + 1 && lines[end - 1].trim().isEmpty()) {
                    end--
                }
                lines.addAll(end, [''] + body)
            }
        }
    }

    /** Puts each entry of a fragment in place of the template's entry of the same name. */
    void replaceEntries(String fragment, String source) {
        sections(fragment.readLines(), source).each { String section, List<String> body ->
            entries(body).each { String name, List<String> entry ->
                def (int start, int end) = entryRange(section, name)
                lines.subList(start, end).clear()
                lines.addAll(start, entry)
            }
        }
    }

    void removeSection(String name) {
        int start = lines.indexOf(name + ':')
        require(start >= 0, "a top-level section $name")
        while (start > 0 && lines[start - 1].startsWith('#')) {
            start--
        }
        lines.subList(start, sectionEnd(lines.indexOf(name + ':'))).clear()
    }

    void removeEntries(String section, List<String> names) {
        names.each { name ->
            def (int start, int end) = entryRange(section, name)
            int next = end
            while (next < lines.size() && lines[next].trim().isEmpty()) {
                next++
            }
            boolean lastOfSection = next == lines.size() || !lines[next].startsWith('  ')
            lines.subList(start, lastOfSection ? end : next).clear()
            if (lastOfSection) {
                while (start > 0 && lines[start - 1].trim().isEmpty() && start < lines.size() && lines[start].trim().isEmpty()) {
                    lines.remove(start - 1)
                    start--
                }
            }
        }
    }

    void insertAfter(String anchor, List<String> added) {
        int at = lines.indexOf(anchor)
        require(at >= 0, "the line '$anchor'")
        lines.addAll(at + 1, added)
    }

    void replaceLine(String old, String replacement) {
        int at = lines.indexOf(old)
        require(at >= 0, "the line '$old'")
        lines[at] = replacement
    }

    void replaceInLines(String old, String replacement) {
        require(lines.any { it.contains(old) }, "a line with '$old'")
        lines.replaceAll { it.replace(old, replacement) }
    }

    /**
     * Adds items to the collection of the loop {@code Fn::ForEach::<loop>} of Resources, written
     * on one line as {@code - [A, B]}.
     */
    void addToLoopCollection(String loop, List<String> items) {
        def (int start, int end) = entryRange('Resources', 'Fn::ForEach::' + loop)
        int at = lines.subList(start, end).findIndexOf { it ==~ /^    - \[.*]$/ }
        require(at >= 0, "collection written as '    - [...]' in the loop Fn::ForEach::$loop")
        lines[start + at] = lines[start + at].replaceFirst(/]$/, ", ${items.join(', ')}]")
    }

    /** Removes the lines that contain {@code text}; there must be exactly {@code count}. */
    void removeLinesContaining(String text, int count) {
        int found = lines.count { it.contains(text) }
        require(found == count, "$count line(s) with '$text', not $found")
        lines.removeAll { it.contains(text) }
    }

    String toString() {
        lines.join('\n') + '\n'
    }

    private int sectionEnd(int start) {
        int end = lines.findIndexOf(start + 1) { sectionName(it) != null }
        while (end > 0 && lines[end - 1].startsWith('#')) {
            end--
        }
        return end < 0 ? lines.size() : end
    }

    /** The lines of an entry: from its comment lines to its last line that is not blank. */
    private List<Integer> entryRange(String section, String name) {
        int sectionStart = lines.indexOf(section + ':')
        require(sectionStart >= 0, "a top-level section $section")
        int start = lines.subList(0, sectionEnd(sectionStart)).indexOf('  ' + name + ':')
        require(start > sectionStart, "the entry $name under $section")
        int end = start + 1
        while (end < lines.size() && (lines[end].startsWith('   ') || lines[end].trim().isEmpty())) {
            end++
        }
        while (lines[end - 1].trim().isEmpty()) {
            end--
        }
        while (lines[start - 1].startsWith('  #')) {
            start--
        }
        return [start, end]
    }

    private void require(boolean found, String what) {
        if (!found) {
            throw new IllegalStateException("template.yaml has no $what: archetype-post-generate.groovy and the template disagree")
        }
    }

    /** The top-level sections of a fragment, by name, each without its heading or trailing blank lines. */
    private static Map<String, List<String>> sections(List<String> lines, String source) {
        Map<String, List<String>> sections = [:]
        List<String> current = null
        lines.each { line ->
            String name = sectionName(line)
            if (name != null) {
                if (!ORDER.contains(name)) {
                    throw new IllegalStateException("$source: unknown top-level section $name")
                }
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

    /** The entries of a section's body, by name, each with its comment lines and without trailing blank lines. */
    private static Map<String, List<String>> entries(List<String> body) {
        Map<String, List<String>> entries = [:]
        List<String> comments = []
        List<String> current = null
        body.each { line ->
            def match = line =~ /^  ([A-Za-z0-9:]+):\s*$/
            if (match) {
                current = comments + [line]
                comments = []
                entries[match.group(1)] = current
            } else if (line.startsWith('  #')) {
                comments << line
            } else if (current != null) {
                current << line
            }
        }
        entries.values().each { entry ->
            while (entry && entry.last().trim().isEmpty()) {
                entry.remove(entry.size() - 1)
            }
        }
        return entries
    }

    private static String sectionName(String line) {
        def match = line =~ /^([A-Za-z]+):\s*$/
        return match ? match.group(1) : null
    }
}
