using System;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Guardrails.Cli.Tests.Templates;

/// <summary>`guardrails templates emit` and `guardrails templates bundle`, run in process as a user would.</summary>
[NonParallelizable]
public sealed class TemplatesCommandTests
{
    private string output = string.Empty;

    [SetUp]
    public void CreateOutputFolder() => output = Path.Combine(Path.GetTempPath(), "guardrails-templates-cli-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteOutputFolder()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Test]
    public void Emit_writes_the_templates_repository_layout_stamped_with_the_given_version()
    {

        var (exitCode, stdout, _) = Run("templates", "emit", "--out", output, "--version", "3.1.4");

        Assert.That(exitCode, Is.Zero);
        var workflow = Path.Combine(output, ".github", "workflows", "guardrails-canary.yml");
        Assert.That(workflow, Does.Exist);
        Assert.That(Path.Combine(output, ".github", "actions", "guardrails-gate", "action.yml"), Does.Exist);
        Assert.That(Path.Combine(output, "azure", "canary-stage.yml"), Does.Exist);
        Assert.That(Path.Combine(output, ".github", "workflows", "guardrails-pull-request.yml"), Does.Exist);
        Assert.That(Path.Combine(output, "azure", "steps", "dora-report.yml"), Does.Exist);
        Assert.That(File.ReadAllText(workflow), Does.Contain("guardrails-templates-version: 3.1.4"));
        Assert.That(Path.Combine(output, "azure", "steps", "kill-switch.yml"), Does.Exist);
        Assert.That(stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(11), "seven canary files and four delivery files");
    }

    [Test]
    public void Emit_without_a_version_stamps_the_tool_own_version()
    {

        Run("templates", "emit", "--out", output);

        var action = File.ReadAllText(Path.Combine(output, ".github", "actions", "guardrails-gate", "action.yml"));
        Assert.That(action, Does.Match(@"guardrails-templates-version: \d+\.\d+\.\d+"));
        Assert.That(action, Does.Not.Match(@"guardrails-templates-version: \S*\+"), "Build metadata is not part of a NuGet version the gate can install.");
    }

    [TestCase("--traffic-steps", "10,50", "GR5001")]
    [TestCase("--traffic-steps", "10,ten,100", "GR5001")]
    [TestCase("--adapters", "nginx,istio", "GR5002")]
    [TestCase("--version", "v1.0.0", "GR5005")]
    public void Bad_options_are_reported_with_their_rule_and_nothing_is_written(string option, string value, string rule)
    {

        var (exitCode, _, stderr) = Run("templates", "emit", "--out", output, option, value);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(stderr, Does.StartWith($"guardrails templates: error {rule}: "));
        Assert.That(output, Does.Not.Exist);
    }

    [Test]
    public void Bundle_writes_the_versioned_zip_with_its_manifest()
    {

        var (exitCode, stdout, _) = Run("templates", "bundle", "--out", output, "--version", "3.1.4");

        var zipPath = Path.Combine(output, "guardrails-templates-3.1.4.zip");
        Assert.That(exitCode, Is.Zero);
        Assert.That(stdout.Trim(), Is.EqualTo(zipPath));
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.That(zip.Entries.Select(entry => entry.FullName), Does.Contain("manifest.json").And.Contain(".github/workflows/guardrails-canary.yml").And.Contain("azure/canary-stage.yml"));
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var (originalOut, originalError) = (Console.Out, Console.Error);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try
        {
            var exitCode = Program.CreateApp().Run(args);
            return (exitCode, stdout.ToString(), stderr.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
