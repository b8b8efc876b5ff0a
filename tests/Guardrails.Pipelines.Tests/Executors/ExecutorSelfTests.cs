using System;
using System.IO;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>The executors' own `node --test` suites (pipeline-templates/executors/test, GitHub and Azure), run in CI with the rest.</summary>
public sealed class ExecutorSelfTests
{
    [Test]
    public void The_executor_tests_pass()
    {
        var node = ExecutorsInstallation.RequireNode();

        var outcome = ProcessRunner.Run(
            node,
            ["--import", "./register-json-loader.mjs", "--test", "test/workflow-run.test.mjs", "test/pipeline-run.test.mjs"],
            ExecutorsInstallation.Directory,
            TimeSpan.FromMinutes(3));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(outcome.Output, Does.Contain("# fail 0"));
    }
}
