using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Testing;

namespace Guardrails.Cli.Tests.Validate;

/// <summary>Runs <c>guardrails validate</c> in process; the console is redirected, so these tests run one at a time.</summary>
[NonParallelizable]
public sealed class ValidateCommandTests
{
    // The Rollback heading is there with nothing under it (GR4004).
    private static readonly string RunbookWithoutRollbackText =
        SampleRunbooks.Complete.Replace("Roll back the release.\n", string.Empty, StringComparison.Ordinal);

    private TemporaryFolder repository = null!;

    [SetUp]
    public void CreateRepository() => repository = TemporaryFolder.Create("guardrails-cli-");

    [TearDown]
    public void DeleteRepository() => repository.Dispose();

    [Test]
    public void A_dedented_key_is_one_finding_at_its_line()
    {
        repository.Write("slo/checkout.yaml", "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\n  displayName: Checkout\n description: Takes payments.\nspec: {}\n");

        var run = Run("--root", repository.Root, "--spec-only");

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Output.Trim().Split('\n'), Has.Length.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.StartWith("slo/checkout.yaml(6,2,6,3): error").And.Contain("indented by 1 space(s)"));
    }

    [Test]
    public void A_clean_folder_exits_0_and_prints_no_finding()
    {
        repository.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete);

        var run = Run("--root", repository.Root, Path.Combine(repository.Root, "docs", "runbooks"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Is.Empty);
        Assert.That(run.Error, Does.Contain("1 file(s) checked: 0 error(s), 0 warning(s)."));
    }

    [Test]
    public void Findings_exit_1_as_canonical_lines_relative_to_the_root()
    {
        repository.Write("docs/runbooks/checkout.md", RunbookWithoutRollbackText);

        var run = Run("--root", repository.Root, Path.Combine(repository.Root, "docs", "runbooks"));

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output.TrimEnd(), Is.EqualTo(
            "docs/runbooks/checkout.md(14,1,14,12): error GR4004: the section 'Rollback' is empty; write its content or remove the heading"));
    }

    [Test]
    public void Json_lists_each_finding_with_its_rule_span_and_help_link()
    {
        repository.Write("docs/runbooks/checkout.md", RunbookWithoutRollbackText);

        var run = Run("--root", repository.Root, "--format", "json", Path.Combine(repository.Root, "docs", "runbooks"));

        using var json = JsonDocument.Parse(run.Output);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(1));
            Assert.That(finding.GetProperty("ruleId").GetString(), Is.EqualTo("GR4004"));
            Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("docs/runbooks/checkout.md"));
            Assert.That(finding.GetProperty("line").GetInt32(), Is.EqualTo(14));
            Assert.That(finding.GetProperty("endColumn").GetInt32(), Is.EqualTo(12));
            Assert.That(finding.GetProperty("helpUri").GetString(), Does.EndWith("/docs/rules/GR4004.md"));
            Assert.That(json.RootElement.GetProperty("errorCount").GetInt32(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Sarif_is_a_2_1_0_log_whose_results_point_at_their_rules_and_regions()
    {
        repository.Write("docs/runbooks/check out.md", RunbookWithoutRollbackText);

        var run = Run("--root", repository.Root, "--format", "sarif", Path.Combine(repository.Root, "docs", "runbooks"));

        using var sarif = JsonDocument.Parse(run.Output);
        var log = sarif.RootElement;
        var sarifRun = log.GetProperty("runs").EnumerateArray().Single();
        var rules = sarifRun.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        var result = sarifRun.GetProperty("results").EnumerateArray().Single();
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Multiple(() =>
        {
            Assert.That(log.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
            Assert.That(log.GetProperty("$schema").GetString(), Is.EqualTo("https://json.schemastore.org/sarif-2.1.0.json"));
            Assert.That(rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo("GR4004"));
            Assert.That(result.GetProperty("level").GetString(), Is.EqualTo("error"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("docs/runbooks/check%20out.md"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(14));
            Assert.That(sarifRun.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Does.StartWith("file:///").And.EndWith("/"));
        });
    }

    [Test]
    public void Spec_only_checks_the_slo_files_and_leaves_the_runbooks_alone()
    {
        repository.Write("slo/broken.yaml", "apiVersion: [openslo/v1\n");
        repository.Write("docs/runbooks/checkout.md", RunbookWithoutRollbackText);

        var full = Run("--root", repository.Root);
        var specOnly = Run("--root", repository.Root, "--spec-only");

        Assert.That(full.Output, Does.Contain("error GR4004").And.Contain("slo/broken.yaml("));
        Assert.That(specOnly.ExitCode, Is.EqualTo(1));
        Assert.That(specOnly.Output, Does.Contain("slo/broken.yaml(").And.Not.Contain("GR4"));
    }

    [Test]
    public void In_a_folder_only_markdown_inside_a_runbooks_folder_is_a_runbook_and_build_output_is_skipped()
    {
        repository.Write("README.md", "# Not a runbook\n");
        repository.Write("bin/Debug/slo.yaml", "a: [\n");
        repository.Write("docs/runbooks/checkout.md", "# Checkout\n");

        var run = Run("--root", repository.Root, repository.Root);

        // The YAML under bin/ is skipped, so the folder has no SLO file (GR3037) and one runbook.
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith(".(1,1,1,1): error GR3037: "), run.Output);
        Assert.That(lines.Skip(1), Is.Not.Empty.And.All.StartWith("docs/runbooks/checkout.md("));
    }

    [Test]
    public void A_folder_with_runbooks_but_no_slo_files_says_where_it_looked()
    {
        // The search for SLO files elsewhere stops at the repository root, so nothing outside this test is found.
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        repository.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete);

        var run = Run("--root", repository.Root);

        Assert.That(run.ExitCode, Is.EqualTo(1), run.Error);
        Assert.That(run.Output.TrimEnd(), Does.StartWith($".(1,1,1,1): error GR3037: no SLO files to check: looked for *.yaml and *.yml files in slo/ under the root '{repository.Root}'"));
        Assert.That(run.Output, Does.Contain("name the SLO files or their folder as PATHs, or pass --root DIR").And.Contain("guardrails validate docs/runbooks"));
    }

    [Test]
    public void Naming_the_runbooks_folder_checks_runbooks_alone()
    {
        repository.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete);

        var run = Run("--root", repository.Root, Path.Combine(repository.Root, "docs", "runbooks"));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
    }

    [Test]
    public void Slo_files_at_the_repository_root_are_named_when_a_service_folder_has_none()
    {
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        repository.Write("slo/checkout.yaml", "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: checkout\nspec: {}\n");
        repository.Write("src/Checkout/docs/runbooks/checkout.md", SampleRunbooks.Complete);

        var run = Run("--root", Path.Combine(repository.Root, "src", "Checkout"), "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.That(finding.GetProperty("ruleId").GetString(), Is.EqualTo("GR3037"));
        Assert.That(finding.GetProperty("message").GetString(), Does.Contain(
            "SLO files are in '../../slo' at the repository root: name that folder as a PATH, or pass the repository root as --root"));
    }

    [Test]
    public void A_markdown_file_named_on_the_command_line_is_checked_as_a_runbook()
    {
        var path = repository.Write("notes/checkout.md", "# Checkout\n");

        var run = Run("--root", repository.Root, path);

        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output, Does.Contain("notes/checkout.md(1,1,1,11): error GR4005"));
    }

    [TestCase("'xml' is not a format", "--format", "xml")]
    [TestCase("no such file or folder: 'no-such-folder'", "no-such-folder")]
    public void A_usage_error_exits_2_with_the_reason(string reason, params string[] arguments)
    {
        repository.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete);

        var run = Run(["--root", repository.Root, .. arguments]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("guardrails validate: ").And.Contain(reason));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public void A_misspelt_option_is_a_usage_error_not_ignored()
    {
        repository.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete);

        var run = Run("--root", repository.Root, "--spec_only");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("spec_only"));
        Assert.That(run.Output, Is.Empty);
    }

    [Test]
    public void A_folder_with_nothing_to_check_is_a_usage_error_not_a_silent_success()
    {
        var run = Run("--root", repository.Root);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("nothing to check"));
    }

    /// <summary>Runs the real command line, as a user types it, and captures what it prints.</summary>
    [TestCaseSource(typeof(GeneratorContractCases), nameof(GeneratorContractCases.All))]
    public void What_the_generator_cannot_handle_is_one_positioned_error(GeneratorContractCase @case)
    {
        foreach (var file in @case.Files)
        {
            repository.Write(file.Path, file.Text);
        }

        repository.Write(GeneratorContractCases.RunbookPath, SampleRunbooks.Complete);

        var run = Run("--root", repository.Root);

        var (line, column) = @case.Position;
        Assert.That(run.ExitCode, Is.EqualTo(1));
        Assert.That(run.Output.TrimEnd().Split('\n').Single(), Does.StartWith($"{@case.File}({line},{column},").And.Contain($"error {@case.Code}: "));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var exitCode = Program.Main(["validate", .. arguments]);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
