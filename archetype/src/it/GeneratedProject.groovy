// Assertions shared by the archetype ITs' verify.groovy scripts.
import java.nio.file.Files
import java.nio.file.Path

import dev.websocketkit.archetype.reference.GoldenReference
import dev.websocketkit.local.template.SamTemplate

class GeneratedProject {
    final File dir

    GeneratedProject(File itDir) {
        dir = new File(itDir, 'echo-app')
        assert dir.isDirectory(): "no project generated in $dir"
    }

    File file(String path) {
        new File(dir, path)
    }

    /** Every file of the generated project, leaving out what its own build wrote to target/. */
    List<File> sources() {
        Path root = dir.toPath()
        Path buildOutput = root.resolve('target')
        List<File> files = Files.walk(root).withCloseable { paths ->
            paths.filter { Files.isRegularFile(it) && !it.startsWith(buildOutput) }.collect { it.toFile() }
        }
        assert files.size() > 20: "only ${files.size()} files found in $dir"
        files
    }

    /**
     * The default scenario's project, file by file, is the golden reference tree: what users get,
     * under review in every change. With {@code update}, the tree is rewritten instead
     * ({@code ./mvnw verify -Dreferences.update=true} after an intended change).
     */
    void assertMatchesReference(File reference, boolean update) {
        int lines = GoldenReference.checkTree(dir.toPath(), reference.toPath(), update)
        println "reference: ${reference.parentFile.name}/${reference.name}, $lines lines"
    }

    /**
     * Any other scenario's project is the default's tree with the scenario's differences, after moving
     * it to the scenario's package: one unexpected line in either turns the IT red.
     */
    void assertMatchesDifferences(File defaultReference, File differences, boolean update, String projectPackage = 'com.example') {
        int lines = GoldenReference.checkDifferences(dir.toPath(), defaultReference.toPath(), 'com.example', projectPackage,
                differences.toPath(), update)
        println "reference: ${differences.parentFile.name}/${differences.name}, $lines lines of differences from ${defaultReference.parentFile.name}"
    }

    private static String relative(File root, File file) {
        root.toPath().relativize(file.toPath()).toString().replace(File.separatorChar, (char) '/')
    }

    void assertNoTemplateLeftovers() {
        sources().each { f ->
            String text = f.text
            ['#[[', ']]#', '${symbol_dollar}', '$symbol', '#if', '#else', '#end', '#set', '${package}', '${storeType}',
             '${javaVersion}', '${auth}', '${permissionsBoundary}', '${AWS_', '@aws-sdk.version@', '@project.version@', '@project.groupId@'].each {
                assert !text.contains(it): "Velocity or filtering leftover '$it' in $f"
            }
        }
    }

    /**
     * No code of the project mentions what an option it did not choose would have brought (its README
     * may name the option, and so may the files in {@code except}, such as a test that it is absent).
     */
    void assertNothingMentions(String what, Object pattern, List<String> except = []) {
        def offenders = sources().findAll { it.name.endsWith('.java') || it.name in ['pom.xml', 'template.yaml'] }
                .findAll { !(relative(dir, it) in except) }
                .findAll { it.text =~ pattern }
        assert !offenders: "the project has no $what, yet these files mention it: ${offenders*.path}"
    }

    /**
     * The project's code names only the local gateway's exported types (local-gateway/README.md),
     * never one of dev.websocketkit.local.internal: with its build green, it compiles against them alone.
     */
    void assertUsesOnlyTheGatewaysApi() {
        def internal = sources().findAll { it.name.endsWith('.java') }.findAll { it.text.contains('dev.websocketkit.local.internal') }
        assert !internal: "these files use the gateway's internals: ${internal*.path}"
        def imported = sources().findAll { it.name.endsWith('.java') }
                .collectMany { (it.text =~ /(?m)^import (?:static )?(dev\.websocketkit\.local\.[\w.]+?)(?:\.[a-z]\w*|\.[A-Z][A-Z0-9_]*)?;/).collect { it[1] as String } } as Set
        assert imported: 'the project uses no type of the gateway'
        Set<String> exported = (['LocalGateway', 'LocalGatewayConfig', 'LogCapture', 'WebSocketTestClient', 'Handshake'].collect { 'dev.websocketkit.local.' + it } +
                ['dev.websocketkit.local.junit.WebSocketApiTest', 'dev.websocketkit.local.template.SamTemplate'] +
                ['RecordingManagementApi', 'LocalContext', 'StandardOutputCapture', 'WebSocketEvents', 'LocalAws', 'TestIdentityProvider'].collect { 'dev.websocketkit.local.testing.' + it }) as Set
        assert exported.containsAll(imported): "imports beyond the gateway's API: ${imported - exported}"
    }

    /** The generated project's own build, from the build log of the IT: it prints no warning. */
    void assertBuildPrintsNoWarning(File itDir) {
        def lines = new File(itDir, 'build.log').readLines()
        int start = lines.findIndexOf { it.contains('Building echo-app') }
        assert start >= 0: 'the generated project was not built'
        def warnings = lines.drop(start).findAll { it.contains('[WARNING]') }
        assert !warnings: "the generated project's build warns:\n${warnings.join('\n')}"
    }

    /**
     * Applies the workshop's whoami solution the way docs/workshop.md tells a participant to: copies
     * its files, pastes its template snippet above Outputs, and adds the route to Routes.
     */
    void applyWhoAmISolution(File solution) {
        solution.eachFileRecurse(groovy.io.FileType.FILES) { source ->
            String path = relative(solution, source)
            if (path != 'template-whoami.yaml') {
                File target = file(path)
                target.parentFile.mkdirs()
                target.bytes = source.bytes
            }
        }
        File template = file('template.yaml')
        assert template.text.contains('\nOutputs:'): 'template.yaml has no Outputs section to paste above'
        template.text = template.text.replace('\nOutputs:', '\n' + new File(solution, 'template-whoami.yaml').text + 'Outputs:')
        File routes = file('src/main/java/com/example/handler/Routes.java')
        String edited = routes.text
                .replace('public static final String SEND = "send";', 'public static final String SEND = "send";\n    public static final String WHOAMI = "whoami";')
                .replaceFirst(/MESSAGE_ROUTES = List\.of\(([^)]*)\);/, 'MESSAGE_ROUTES = List.of($1, WHOAMI);')
        assert edited.contains('WHOAMI = "whoami"') && edited.contains(', WHOAMI);'): "Routes.java is not as docs/workshop.md describes:\n${routes.text}"
        routes.text = edited
    }

    /**
     * Each check docs/workshop.md promises for the whoami exercise: with one step of the solution
     * undone, the project's own tests fail, and say what is missing. With every step back in place
     * they pass again, which also leaves the project's test reports those of the whole solution.
     */
    void assertEveryWhoAmIStepIsChecked(String localRepository, File log) {
        File template = file('template.yaml')
        File routes = file('src/main/java/com/example/handler/Routes.java')
        File event = file('events/whoami.json')
        def steps = [
                'the integration invokes the alias'     : [template, { it.replace('${WhoAmIFunction.Alias}/invocations', '${WhoAmIFunction.Arn}/invocations') },
                                                           'whoami does not invoke a function alias'],
                'a permission scoped to the route'      : [template, { it.replace('/${StageName}/whoami', '/${StageName}/*') },
                                                           'whoami has a permission scoped to its route and stage'],
                'the sample event'                      : [event, null, 'route keys of events/*.json'],
                'the route in Routes.MESSAGE_ROUTES'    : [routes, { it.replace(', WHOAMI);', ');') },
                                                           'routes template.yaml declares that Routes.MESSAGE_ROUTES does not list'],
                'the route in template.yaml'            : [template, { it.replace('RouteKey: whoami', 'RouteKey: whoareyou') },
                                                           'routes the code has that template.yaml declares no AWS::ApiGatewayV2::Route for'],
        ]
        steps.each { String step, List undo ->
            File changed = undo[0]
            byte[] original = changed.bytes
            try {
                if (undo[1] == null) {
                    changed.delete()
                } else {
                    changed.text = undo[1](changed.text)
                }
                int status = mavenWrapper(localRepository, ['-o', 'test', '-Dtest=TemplateTest'], log)
                assert status != 0: "without $step the tests still pass"
                assert log.text.contains(undo[2]): "without $step the tests fail, but do not say '${undo[2]}':\n${log.text}"
            } finally {
                changed.bytes = original
            }
        }
        assert mavenWrapper(localRepository, ['-o', 'test', '-Dtest=TemplateTest'], log) == 0:
                "with every step in place TemplateTest fails:\n${log.text}"
    }

    /** Runs the project's own ./mvnw with {@code arguments}, its output in {@code log}; returns the exit code. */
    int mavenWrapper(String localRepository, List<String> arguments, File log) {
        def command = [file('mvnw').absolutePath, '-B', "-Dmaven.repo.local=$localRepository"] + arguments
        def builder = new ProcessBuilder(command*.toString()).directory(dir).redirectErrorStream(true)
                .redirectOutput(log)
        builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
        builder.start().waitFor()
    }

    /**
     * Runs {@code ./mvnw -Plocal} as a user would, with {@code arguments} too, reads its banner, has a
     * real WebSocket client send the seed's message with the banner's credentials, and stops it as
     * Ctrl+C would, waiting until the gateway's JVM has ended; returns the reply and the console's lines.
     */
    Map echoThroughMvnwLocal(String localRepository, List<String> arguments = []) {
        def command = [file('mvnw').absolutePath, '-B', "-Dmaven.repo.local=$localRepository", '-Plocal', '-Dlocal.port=0'] + arguments
        def builder = new ProcessBuilder(command*.toString()).directory(dir).redirectErrorStream(true)
        builder.environment().put('JAVA_HOME', System.getProperty('java.home'))
        Process maven = builder.start()
        List<String> console = Collections.synchronizedList([])
        Thread drain = null
        String reply = null
        try {
            def banner = [:]
            def output = new BufferedReader(new InputStreamReader(maven.inputStream))
            long deadline = System.currentTimeMillis() + 180_000
            while (!banner.containsKey('Try') && System.currentTimeMillis() < deadline) {
                String line = output.readLine()
                assert line != null: "./mvnw -Plocal ended before its banner:\n${console.join('\n')}"
                console << line
                def matcher = line =~ /^(Local WebSocket API|API key|Token|Try): (.*)$/
                if (matcher) {
                    banner[matcher[0][1].tokenize(' ')[0]] = matcher[0][2]
                }
            }
            // Keeps reading the console, so the process never blocks on a full pipe; the stream closes when it is stopped.
            drain = Thread.start {
                try {
                    output.eachLine { console << it }
                } catch (IOException stopped) {
                }
            }
            def headers = ['x-api-key': banner['API']]
            if (banner['Token'] != 'none') {
                headers['Authorization'] = "Bearer ${banner['Token']}"
            }
            def replies = new java.util.concurrent.LinkedBlockingQueue<String>()
            def builderWs = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
            headers.each { name, value -> builderWs.header(name, value) }
            def listener = [onText: { ws, data, last -> replies.add(data.toString()); ws.request(1); null }] as java.net.http.WebSocket.Listener
            def socket = builderWs.buildAsync(URI.create(banner['Local']), listener).join()
            socket.sendText('{"message": "send", "body": "Hello World!"}', true).join()
            reply = replies.poll(30, java.util.concurrent.TimeUnit.SECONDS)
            socket.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, 'done').join()
        } finally {
            def started = maven.descendants().toList()
            started.each { it.destroy() }
            maven.destroy()
            maven.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)
            // The gateway's JVM writes its class-data archive as it ends.
            started.each { process ->
                try {
                    process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS)
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new AssertionError("${process.info().command().orElse('a process of ./mvnw -Plocal')} still ran a minute after it was stopped", e)
                }
            }
            drain?.join(30_000)
        }
        [reply: reply, console: new ArrayList<String>(console)]
    }

    /** Lines of template.yaml, of the main code and of the test code, as the IT prints them. */
    Map<String, Integer> size() {
        def lines = { String dirName -> sources().findAll { it.path.contains("${File.separator}src${File.separator}$dirName${File.separator}") && it.name.endsWith('.java') }
                .sum(0) { it.readLines().size() } as int }
        [template: file('template.yaml').readLines().size(), main: lines('main'), test: lines('test')]
    }

    void printSize(String scenario) {
        def size = size()
        println "$scenario: template.yaml ${size.template} lines, main code ${size.main} lines, test code ${size.test} lines"
    }

    /**
     * What every generated template keeps, whatever the options (the project's own TemplateTest checks
     * its wiring and that its logs hold no secret, which a user changes): each reference names a
     * parameter, resource or condition of the template; the stage's usage plan binds the stack's key;
     * every log group expires; execution logs keep errors and access logs the ids that follow a
     * request; functions log JSON lines Lambda filters by level, metrics included, and are traced;
     * SnapStart is on wherever Lambda offers it; and the runtime is the Java release the pom compiles
     * for. Read from the text as the archetype writes it.
     */
    void assertTemplateInvariants() {
        String template = file('template.yaml').text
        Map<String, List<String>> sections = [:]
        String section = null
        template.eachLine { line ->
            def heading = line =~ /^(\w+):\s*$/
            def entry = line =~ /^  (\w+):/
            if (heading) {
                section = heading[0][1]
                sections[section] = []
            } else if (entry && section) {
                sections[section] << (entry[0][1] as String)
            }
        }
        Set<String> referable = (sections.Parameters ?: []) + (sections.Resources ?: []) as Set
        Set<String> subVariables = (template =~ /(?m)^\s+- (\w+): !/).collect { it[1] as String } as Set
        Set<String> loopIdentifiers = (template =~ /Fn::ForEach::\w+:\n\s+- (\w+)/).collect { it[1] as String } as Set
        String code = template.readLines().findAll { !it.trim().startsWith('#') }.join('\n')
        Set<String> references = ((code =~ /!Ref[ \t]+([\w:.]+)/).collect { it[1] } + (code =~ /!GetAtt[ \t]+([\w.]+)/).collect { it[1] }
                + (code =~ /\$\{([\w:.]+)}/).collect { it[1] } + (code =~ /DependsOn: \[?([\w, ]+)]?/).collect { it[1].split(/,\s*/) }.flatten())
                .collect { (it as String).tokenize('.')[0] }.findAll { !it.startsWith('AWS::') && !(it in subVariables) && !(it in loopIdentifiers) } as Set
        assert referable.containsAll(references): "references to undefined parameters or resources: ${references - referable}"
        Set<String> conditions = ((template =~ /Condition: (\w+)/).collect { it[1] } + (template =~ /!If \[(\w+),/).collect { it[1] }) as Set
        assert (sections.Conditions ?: []).containsAll(conditions): "undefined conditions: ${conditions - sections.Conditions}"
        assert template.contains('    AutoPublishAlias: live'): 'every function has the alias the integrations invoke'

        assert resource(template, 'UsagePlan').contains('ApiStages: [{ApiId: !Ref WebSocketApi, Stage: !Ref StageName}]')
        assert resource(template, 'UsagePlanKey').contains('KeyId: !Ref ApiKey') && resource(template, 'UsagePlanKey').contains('UsagePlanId: !Ref UsagePlan')

        def logGroups = (template =~ /(?m)^  (\w+):\n    Type: AWS::Logs::LogGroup$/).collect { it[1] as String }
        assert logGroups.containsAll(['FunctionLogs', 'AccessLogs', 'ExecutionLogs']): "log groups: $logGroups"
        logGroups.each { assert resource(template, it).contains('RetentionInDays: !Ref LogRetentionDays'): "$it expires" }
        assert resource(template, 'Function', 'Globals').contains('LogGroup: !Ref FunctionLogs') && !template.contains('      LoggingConfig:'):
                'every function logs to FunctionLogs'

        String stage = resource(template, 'Stage')
        assert stage.contains('LoggingLevel: ERROR'): 'execution logs of errors only'
        assert stage.contains('DestinationArn: !GetAtt AccessLogs.Arn')
        String format = (stage =~ /Format: '(.*)'/)[0][1]
        Map fields = new groovy.json.JsonSlurper().parseText(format) as Map
        ['$context.requestId', '$context.connectionId', '$context.routeKey', '$context.eventType', '$context.status', '$context.error.message',
         '$context.integration.error'].each { assert fields.containsValue(it): "access logs carry $it" }

        String globals = resource(template, 'Function', 'Globals')
        ['LogFormat: JSON', 'ApplicationLogLevel: !Ref LogLevel', 'Tracing: Active', 'METRICS_NAMESPACE: !Ref AWS::StackName',
         'ApplyOn: !If [SnapStartUnavailable, None, PublishedVersions]'].each { assert globals.contains(it): "Globals.Function lacks $it" }
        assert resource(template, 'LogLevel', 'Parameters').contains('AllowedValues: [DEBUG, INFO]'): 'metrics are INFO lines: a higher level would drop them'
        String unavailable = resource(template, 'SnapStartUnavailable', 'Conditions')
        ['ap-east-2', 'ap-south-2', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7', 'ca-west-1', 'eu-central-2',
         'eu-south-2', 'il-central-1', 'mx-central-1', 'me-central-1'].each { assert unavailable.contains(", $it]"): "SnapStart is off in $it" }
        assert !unavailable.contains('us-east-1')

        String release = new groovy.xml.XmlSlurper().parse(file('pom.xml')).properties.'maven.compiler.release'.text()
        assert globals.contains("Runtime: java$release"): "the runtime is the Java release the pom compiles for, $release"
    }

    /**
     * {@code $connect} writes its log line and its metrics document without jackson, which would cost
     * its cold start about a hundred classes: the handler runs from the deployable jar, in a class
     * loader of its own, on a store that keeps nothing, and prints exactly those two lines.
     */
    void assertConnectLoadsNoJackson(File jar, String packageName) {
        List<String> loaded = []
        def loader = new URLClassLoader([jar.toURI().toURL()] as URL[], ClassLoader.platformClassLoader) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                loaded << name
                return super.findClass(name)
            }
        }
        def type = { String name -> loader.loadClass(name) }
        def proxy = { String name, Closure answer ->
            java.lang.reflect.Proxy.newProxyInstance(loader, [type(name)] as Class[], { self, method, args -> answer(method.name) } as java.lang.reflect.InvocationHandler)
        }
        def context = proxy('com.amazonaws.services.lambda.runtime.Context') { it == 'getAwsRequestId' ? 'request-1' : it == 'getFunctionName' ? 'ConnectFunction' : null }
        def store = proxy("${packageName}.connection.ConnectionStore") { null }
        def request = type('com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent$RequestContext').getConstructor().newInstance()
        request.connectionId = 'connection-1='
        request.connectedAt = 1_767_225_600_000L
        def event = type('com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent').getConstructor().newInstance()
        event.requestContext = request
        def metrics = type("${packageName}.observability.Metrics").getConstructor(String).newInstance('echo-app')
        def constructor = type("${packageName}.handler.ConnectHandler").declaredConstructors.find { it.parameterCount == 2 }
        constructor.accessible = true
        def handler = constructor.newInstance(store, metrics)

        PrintStream original = System.out
        def printed = new ByteArrayOutputStream()
        System.out = new PrintStream(printed, true, 'UTF-8')
        try {
            assert handler.handleRequest(event, context).statusCode == 200
        } finally {
            System.out = original
        }
        def lines = printed.toString('UTF-8').readLines().collect { new groovy.json.JsonSlurper().parseText(it) as Map }
        assert lines.size() == 2 && lines[0].message == 'Connected' && lines[1].ConnectionsOpened == 1:
                "one log line and one metrics document: ${printed}"
        def jackson = loaded.findAll { it.startsWith('com.fasterxml.') }
        if (jackson) {
            throw new AssertionError("\$connect loads jackson: ${jackson.size()} classes, ${jackson.take(3)}...")
        }
        loader.close()
    }

    /**
     * The project's SDK clients send each request in one piece: its {@code Content-Length} is taken
     * off before signing and left to the JDK, which then writes the body with the headers. With the
     * length, the URL connection client streams the body, and the JDK checks a kept-alive connection
     * first with a read that waits a millisecond. From a JVM of its own, with a function's environment,
     * the project's jar posts twice to a connection through a socket that answers as the Management API.
     */
    void assertRequestsGoInOnePiece(File jar, String packageName) {
        def server = new ServerSocket(0, 1, InetAddress.loopbackAddress)
        def requests = new java.util.concurrent.CopyOnWriteArrayList<Map>()
        def serving = Thread.start {
            server.accept().withCloseable { socket ->
                def input = new DataInputStream(new BufferedInputStream(socket.inputStream))
                2.times {
                    def head = []
                    for (String line = readLine(input); line; line = readLine(input)) {
                        head << line
                    }
                    def length = head.find { it.toLowerCase().startsWith('content-length:') }
                    byte[] body = new byte[length ? length.substring(15).trim() as int : 0]
                    input.readFully(body)
                    requests << [head: head, body: new String(body, 'UTF-8')]
                    socket.outputStream.write('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'.getBytes('US-ASCII'))
                    socket.outputStream.flush()
                }
            }
        }
        def program = File.createTempFile('PostTwice', '.java')
        program.text = """public class PostTwice {
            public static void main(String[] args) {
                var messenger = ${packageName}.messaging.ConnectionMessenger.fromEnvironment();
                messenger.send("connection-1", "\\"Hello World!\\"");
                messenger.send("connection-1", "\\"Hello World!\\"");
            }
        }"""
        def builder = new ProcessBuilder(new File(System.getProperty('java.home'), 'bin/java').path, '-cp', jar.path, program.path)
                .redirectErrorStream(true)
        builder.environment().putAll(AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDLOCAL', AWS_SECRET_ACCESS_KEY: 'local',
                CALLBACK_URL: "http://127.0.0.1:${server.localPort}/live".toString())
        Process posting = builder.start()
        try {
            String output = posting.inputStream.text
            assert posting.waitFor() == 0: "the posts failed:\n$output"
            serving.join()
            assert requests.size() == 2: "two posts on one kept-alive connection: $requests"
            requests.each { request ->
                assert request.body == '"Hello World!"' && request.head.contains('Content-Length: 14'): "the body and its length as the JDK sets it: $request"
                assert !request.head.any { it.toLowerCase().startsWith('transfer-encoding') }: "no chunked body: $request"
                String signed = request.head.find { it.startsWith('Authorization: ') }.find(/SignedHeaders=([^,]+)/) { all, names -> names }
                assert signed && !signed.tokenize(';').contains('content-length'): "the length was taken off before signing, so the client does not stream the body: $request"
            }
        } finally {
            server.close()
            program.delete()
        }
    }

    /** One line of an HTTP head, without its CRLF; {@code null} at the end of the stream. */
    private static String readLine(DataInputStream input) {
        def line = new ByteArrayOutputStream()
        for (int b = input.read(); b >= 0; b = input.read()) {
            if (b == 10) {
                return line.toString('US-ASCII').replaceAll(/\r$/, '')
            }
            line.write(b)
        }
        line.size() ? line.toString('US-ASCII') : null
    }

    /** The lines of an entry two spaces in under {@code section}, from its name to the next entry or section. */
    private static String resource(String template, String name, String section = 'Resources') {
        def lines = template.readLines()
        int sectionStart = lines.indexOf(section + ':')
        int start = lines.findIndexOf(sectionStart) { it.startsWith("  $name:") }
        assert sectionStart >= 0 && start > sectionStart: "template.yaml has no $name under $section"
        int end = lines.findIndexOf(start + 1) { it =~ /^ {0,2}\S/ }
        lines.subList(start, end < 0 ? lines.size() : end).join('\n')
    }

    /** The API's own metrics: those the main code declares with Metric.count or new Metric. */
    Set<String> declaredMetrics() {
        sources().findAll { it.path.contains("${File.separator}src${File.separator}main${File.separator}") && it.name.endsWith('.java') }
                .collectMany { (it.text =~ /(?:Metric\.count|new Metric)\("(\w+)"/).collect { it[1] as String } } as Set
    }

    /** Every dashboard widget of the API's namespace names a metric the code publishes, and every such metric is shown. */
    void assertDashboardsShowOnlyTheApisMetrics() {
        String template = file('template.yaml').text
        Set<String> shown = (template =~ /\["\$\{AWS::StackName}", "(\w+)"/).collect { it[1] as String } as Set
        shown.addAll((template =~ /SEARCH\('\{\$\{AWS::StackName},\w+} MetricName=\\"(\w+)\\"/).collect { it[1] as String })
        Set<String> declared = declaredMetrics()
        assert !declared.isEmpty(): 'the code declares no metric'
        assert shown - declared == [] as Set: "the dashboards show metrics the code never publishes: ${shown - declared}"
        assert declared - shown == [] as Set: "metrics no dashboard shows: ${declared - shown}"
    }

    /** template.yaml as the project's tests and CloudFormation read it: its Fn::ForEach loops expanded. */
    SamTemplate template() {
        SamTemplate.load(file('template.yaml').toPath())
    }

    /**
     * Every function of template.yaml has an alarm on its Lambda Errors and one on its Throttles,
     * each notifying AlarmTopicArn: read from the template with its loops expanded, so a function
     * left out of a loop's collection is unwatched.
     */
    void assertAlarmsWatchEveryFunction() {
        SamTemplate template = template()
        Set<String> functions = template.resourcesOfType('AWS::Serverless::Function').keySet()
        assert functions.size() >= 5: "functions found: $functions"
        def notify = [('Fn::If'): ['NotifyAlarms', [[Ref: 'AlarmTopicArn']], [Ref: 'AWS::NoValue']]]
        ['Errors', 'Throttles'].each { metric ->
            Set<String> watched = template.resourcesOfType('AWS::CloudWatch::Alarm').values()
                    .collect { SamTemplate.properties(it) }
                    .findAll { it.Namespace == 'AWS/Lambda' && it.MetricName == metric }
                    .findAll { it.AlarmActions == notify && it.OKActions == notify }
                    .collectMany { alarm -> SamTemplate.listOrSingleton(alarm.Dimensions).findAll { it.Name == 'FunctionName' }.collect { it.Value?.Ref } }
                    .toSet()
            assert functions - watched == [] as Set: "no $metric alarm that notifies AlarmTopicArn watches ${functions - watched}"
        }
    }

    /**
     * The alarms of every function are written once, as a loop: no AWS/Lambda alarm body stands in
     * the template's text once per function (AuthorizerFailuresAlarm and AuthorizerThrottlesAlarm,
     * the authorizer's own, aside).
     */
    void assertFunctionAlarmsAreOneLoop() {
        String text = file('template.yaml').text
        int authorizers = text.contains('\n  AuthorizerFunction:\n') ? 2 : 0
        assert text.count('Namespace: AWS/Lambda') == 2 + authorizers: "AWS/Lambda alarm bodies in template.yaml: the loop's two, the authorizer's $authorizers"
        assert text.contains('\n  Fn::ForEach::FunctionAlarms:\n    - FunctionId\n    - ['): 'the function alarms are the loop Fn::ForEach::FunctionAlarms'
    }

    /** The pipeline tests every push with the project's own build and deploys dev, then prod, through an OIDC role. */
    void assertPipelineTestsAndDeploysAsDocumented(String javaRelease) {
        String workflow = file('.github/workflows/ci.yml').text
        String samconfig = file('samconfig.toml').text
        assert workflow.contains('./mvnw -B verify'): 'the test job runs the build users run'
        assert workflow.contains("java-version: \"$javaRelease\""): "CI builds with Java $javaRelease"
        assert workflow =~ /(?m)^permissions:\n  contents: read$/: 'jobs get nothing they do not ask for'
        assert workflow.contains('role-to-assume: ${{ vars.AWS_DEPLOY_ROLE_ARN }}'): 'OIDC, no stored AWS keys'
        ['dev', 'prod'].each { environment ->
            assert workflow.contains("environment: $environment"): "a GitHub environment $environment"
            assert workflow.contains("sam deploy --config-env $environment") && workflow.contains("StageName=$environment")
            assert samconfig.contains("[${environment}.deploy.parameters]") && samconfig.contains("[${environment}.global.parameters]\nstack_name = \"")
            assert samconfig =~ /\[${environment}\.global\.parameters]\nstack_name = "[^"]*"\n(?:#.*\n)*language_extensions = true\n/:
                    "SAM CLI expands the template's Fn::ForEach loops for $environment"
        }
        assert workflow.contains('needs: deploy-dev'): 'prod gets what dev got first'
    }

    void assertTestsRan(String packageName, List<String> classes) {
        classes.each { name ->
            assert file("target/surefire-reports/TEST-${packageName}.${name}.xml").isFile(): "$name did not run"
        }
    }

    /** Tests run by surefire, read from its XML reports; fails on any failure, error or skip. */
    int testsRun() {
        int total = 0
        file('target/surefire-reports').eachFileMatch(~/TEST-.*\.xml/) { report ->
            def suite = new groovy.xml.XmlSlurper().parse(report)
            assert suite.@failures.toInteger() == 0 && suite.@errors.toInteger() == 0: "failures in $report"
            assert suite.@skipped.toInteger() == 0: "skipped tests in $report"
            total += suite.@tests.toInteger()
        }
        total
    }
}
