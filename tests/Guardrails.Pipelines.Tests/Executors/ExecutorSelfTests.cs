using System;
using System.IO;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>The executors' own `node --test` suite (pipeline-templates/executors/test), run in CI with the rest.</summary>
public sealed class ExecutorSelfTests
{
    [Test]
    public void The_executor_tests_pass()
    {
        var node = ExternalTool.Require("node", "Install Node.js 20 or newer.");
        var directory = RepositoryLayout.PathOf("pipeline-templates", "executors");
        if (!Directory.Exists(Path.Combine(directory, "node_modules")))
        {
            var message = "The template executors are not installed: run `npm ci` in pipeline-templates/executors.";
            if (ExternalTool.IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var outcome = ProcessRunner.Run(node, ["--import", "./register-json-loader.mjs", "--test", "test/workflow-run.test.mjs", "test/pipeline-run.test.mjs"], directory, TimeSpan.FromMinutes(3));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        Assert.That(outcome.Output, Does.Contain("# fail 0"));
    }
}
