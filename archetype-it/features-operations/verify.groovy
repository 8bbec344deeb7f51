def project = new GroovyClassLoader(getClass().classLoader)
        .parseClass(new File(basedir, '../../../src/it/GeneratedProject.groovy')).newInstance(basedir)
project.assertMatchesDifferences(new File(itSources, 'defaults/reference'), new File(itSources, 'features-operations/reference.diff'),
        updateReferences.toBoolean())
project.assertNoTemplateLeftovers()
project.assertTemplateInvariants()
project.assertDashboardsShowOnlyTheApisMetrics()
project.assertAlarmsWatchEveryFunction()
project.assertFunctionAlarmsAreOneLoop()
project.assertPipelineTestsAndDeploysAsDocumented('21')
assert !project.file('src/main/java/com/example/handler/BroadcastHandler.java').exists()

project.assertBuildPrintsNoWarning(basedir)
println "features-operations: ${project.testsRun()} tests passed in the generated project"
