using System.IO;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>pipeline-templates/executors and the node that runs it; missing, a test fails under CI and is ignored elsewhere.</summary>
internal static class ExecutorsInstallation
{
    public static readonly string Directory = RepositoryLayout.PathOf("pipeline-templates", "executors");

    /// <summary>The path of node, once the executors' npm packages are installed.</summary>
    public static string RequireNode()
    {
        var node = ExternalTool.Require("node", "Install Node.js 20 or newer.");
        if (!System.IO.Directory.Exists(Path.Combine(Directory, "node_modules")))
        {
            var message = "The template executors are not installed: run `npm ci` in pipeline-templates/executors.";
            if (ExternalTool.IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        return node;
    }
}
