def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'features-all/reference.diff'),
        updateReferences.toBoolean())
project.assertNoTemplateLeftovers()
project.assertTemplateInvariants()
project.assertUsesOnlyTheGatewaysApi()
project.assertDashboardsShowOnlyTheApisMetrics()
project.assertAlarmsWatchEveryFunction()
project.assertPipelineTestsAndDeploysAsDocumented('21')

// Every resource the default project had before the features were split off is still here.
def template = project.file('template.yaml').text
['ConnectFunction', 'DisconnectFunction', 'SendFunction', 'DefaultFunction', 'AuthorizerFunction', 'BroadcastFunction',
 'BroadcastWorkerFunction', 'BroadcastQueue', 'BroadcastDeadLetterQueue', 'ConnectionsTable', 'IntegrationErrorsAlarm',
 'ExecutionErrorsAlarm', 'FunctionErrorsAlarm', 'FunctionThrottlesAlarm', 'AuthorizerFailuresAlarm', 'BroadcastDeadLettersAlarm',
 'Dashboard', 'Stage', 'UsagePlan', 'ApiKey', 'DefaultApiKey', 'AccessLogs', 'ExecutionLogs'].each {
    assert template =~ /(?m)^  ${it}:$/: "template.yaml lacks $it"
}

project.assertBuildPrintsNoWarning(basedir)
println "features-all: ${project.testsRun()} tests passed in the generated project"
project.printSize('features-all')
