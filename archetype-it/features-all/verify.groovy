def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'features-all/reference.diff'),
        updateReferences.toBoolean())
project.assertNoTemplateLeftovers()
project.assertTemplateInvariants()
project.assertUsesOnlyTheGatewaysApi()
project.assertDashboardsShowOnlyTheApisMetrics()
project.assertAlarmsWatchEveryFunction()
project.assertFunctionAlarmsAreOneLoop()
project.assertPipelineTestsAndDeploysAsDocumented('21')

// Every resource the default project had before the features were split off is still here, in the
// template as CloudFormation expands it; FunctionErrorsAlarm and FunctionThrottlesAlarm, which summed
// every function, are now an errors and a throttles alarm for each function, made by one loop.
def resources = project.template().resources().keySet()
def functions = ['ConnectFunction', 'DisconnectFunction', 'SendFunction', 'DefaultFunction', 'BroadcastFunction', 'BroadcastWorkerFunction']
def expected = functions + ['AuthorizerFunction', 'BroadcastQueue', 'BroadcastDeadLetterQueue', 'ConnectionsTable', 'IntegrationErrorsAlarm',
 'ExecutionErrorsAlarm', 'AuthorizerFailuresAlarm', 'BroadcastDeadLettersAlarm', 'Dashboard', 'Stage', 'UsagePlan', 'ApiKey',
 'DefaultApiKey', 'AccessLogs', 'ExecutionLogs'] + functions.collectMany { ["${it}ErrorsAlarm", "${it}ThrottlesAlarm"] }
expected.each {
    assert resources.contains(it as String): "template.yaml lacks $it"
}

project.assertBuildPrintsNoWarning(basedir)
println "features-all: ${project.testsRun()} tests passed in the generated project"
project.printSize('features-all')
