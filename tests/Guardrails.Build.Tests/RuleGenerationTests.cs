using System;
using System.IO;
using System.Linq;
using Guardrails.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.Build.Tests;

/// <summary>The task writes one Prometheus rule file per service of a valid project, and only then.</summary>
public sealed class RuleGenerationTests
{
    private TemporaryFolder service = null!;
    private string rulesDirectory = null!;

    [SetUp]
    public void CopySample()
    {
        service = TemporaryFolder.Create("guardrails-rules-");
        var sample = Path.Combine(TestContext.CurrentContext.TestDirectory, "ValidService");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            service.Write(Path.GetRelativePath(sample, file), File.ReadAllBytes(file));
        }

        rulesDirectory = Path.Combine(service.Root, "obj", "guardrails", "rules");
    }

    [TearDown]
    public void DeleteService() => service.Dispose();

    [Test]
    public void A_valid_service_gets_its_sloth_compatible_rules_under_the_rules_directory()
    {
        var engine = new MockEngine();
        var task = Task(engine);

        Assert.That(task.Execute(), Is.True, () => string.Join("\n", engine.Errors.Select(error => error.Message)));
        var file = Path.Combine(rulesDirectory, "checkout.rules.yml");
        Assert.That(task.GeneratedRuleFiles.Select(item => item.ItemSpec), Is.EqualTo(new[] { file }));
        var rules = File.ReadAllText(file);
        Assert.That(rules, Does.Contain("record: slo:sli_error:ratio_rate5m").And.Contain("sloth_slo: checkout-availability").And.Contain("alert: "));
    }

    [Test]
    public void Unchanged_rules_keep_their_timestamp_and_rules_of_a_removed_service_are_deleted()
    {
        Task(new MockEngine()).Execute();
        var file = Path.Combine(rulesDirectory, "checkout.rules.yml");
        var stale = Path.Combine(rulesDirectory, "retired.rules.yml");
        File.WriteAllText(stale, "groups: []\n");
        var written = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(file, written);

        Task(new MockEngine()).Execute();

        Assert.That(File.GetLastWriteTimeUtc(file), Is.EqualTo(written));
        Assert.That(stale, Does.Not.Exist);
    }

    [Test]
    public void No_rules_are_written_when_a_finding_is_an_error()
    {
        service.Write(Path.Combine("docs", "runbooks", "checkout.md"), "# Checkout\n");
        var engine = new MockEngine();

        Assert.That(Task(engine).Execute(), Is.False);
        Assert.That(engine.Errors, Is.Not.Empty);
        Assert.That(Directory.Exists(rulesDirectory), Is.False);
    }

    [Test]
    public void The_required_categories_are_the_teams_choice()
    {
        var engine = new MockEngine();
        var task = Task(engine);
        task.RequiredSloCategories = ["Availability;Latency;Other"];

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Message, Does.Contain("Service 'checkout' has no other SLO"));
    }

    [Test]
    public void Turning_the_slo_check_off_skips_broken_slo_files_and_writes_no_rules()
    {
        service.Write(Path.Combine("slo", "checkout.yaml"), "apiVersion: [\n");
        var task = Task(new MockEngine());
        task.CheckSlos = false;

        Assert.That(task.Execute(), Is.True);
        Assert.That(task.GeneratedRuleFiles, Is.Empty);
    }

    [Test]
    public void A_runbook_base_url_makes_the_alerts_runbook_links_absolute_as_rules_does()
    {
        var task = Task(new MockEngine());
        task.RunbookBaseUrl = "https://github.com/org/repo/blob/main/";

        Assert.That(task.Execute(), Is.True);
        var built = File.ReadAllText(Path.Combine(rulesDirectory, "checkout.rules.yml"));
        var cliDirectory = Path.Combine(service.Root, "cli-rules");
        using var output = new StringWriter();
        var exitCode = new Guardrails.Cli.Commands.Rules.RuleGeneration(output, output).Run(new Guardrails.Cli.Commands.Rules.RulesSettings
        {
            Paths = [Path.Combine(service.Root, "slo")],
            OutputDirectory = cliDirectory,
            RunbookBaseUrl = "https://github.com/org/repo/blob/main/",
        });

        Assert.Multiple(() =>
        {
            Assert.That(built, Does.Contain("runbook_url: https://github.com/org/repo/blob/main/docs/runbooks/checkout.md#").And.Not.Contain("runbook_url: docs/"));
            Assert.That(exitCode, Is.Zero, output.ToString);
            Assert.That(File.ReadAllText(Path.Combine(cliDirectory, "checkout.rules.yml")), Is.EqualTo(built));
        });
    }

    [Test]
    public void A_runbook_base_url_that_is_not_a_url_is_a_setting_error()
    {
        var engine = new MockEngine();
        var task = Task(engine);
        task.RunbookBaseUrl = "github.com/org/repo";

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Code, Is.EqualTo("GR4900"));
    }

    private ValidateGuardrails Task(IBuildEngine engine) => new()
    {
        BuildEngine = engine,
        RootDirectory = service.Root,
        SloFiles = [new TaskItem(Path.Combine(service.Root, "slo", "checkout.yaml"))],
        RunbookFiles = [new TaskItem(Path.Combine(service.Root, "docs", "runbooks", "checkout.md"))],
        RulesOutputDirectory = rulesDirectory,
    };
}
