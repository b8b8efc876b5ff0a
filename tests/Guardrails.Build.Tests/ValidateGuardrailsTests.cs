using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Guardrails.Testing;
using Microsoft.Build.Utilities;

namespace Guardrails.Build.Tests;

public sealed class ValidateGuardrailsTests
{
    private TemporaryFolder service = null!;
    private MockEngine engine = null!;

    [SetUp]
    public void CreateService()
    {
        service = TemporaryFolder.Create("guardrails-task-");
        engine = new MockEngine();
    }

    [TearDown]
    public void DeleteService() => service.Dispose();

    [Test]
    public void A_complete_runbook_passes_without_diagnostics()
    {
        var task = Task(runbooks: [service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete)]);

        Assert.That(task.Execute(), Is.True);
        Assert.That(engine.Errors.Concat<BuildEventArgs>(engine.Warnings), Is.Empty);
    }

    [Test]
    public void A_finding_is_an_msbuild_error_with_code_span_and_help_link()
    {
        var path = service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete.Replace("Scale out.\n", string.Empty, System.StringComparison.Ordinal));

        var succeeded = Task(runbooks: [path]).Execute();

        Assert.That(succeeded, Is.False);
        var error = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("GR4004"));
            Assert.That(error.File, Is.EqualTo(path));
            Assert.That((error.LineNumber, error.ColumnNumber, error.EndLineNumber, error.EndColumnNumber), Is.EqualTo((12, 1, 12, 14)));
            Assert.That(error.HelpLink, Is.EqualTo("https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/GR4004.md"));
            Assert.That(error.Message, Is.EqualTo("the section 'Mitigation' is empty; write its content or remove the heading"));
        });
    }

    [Test]
    public void Braces_in_a_message_are_printed_as_written()
    {
        var path = service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete.Replace("## Rollback", "## Rollback {{.window}}", System.StringComparison.Ordinal).Replace("Roll back the release.\n", string.Empty, System.StringComparison.Ordinal));

        Task(runbooks: [path]).Execute();

        Assert.That(engine.Errors.Select(error => error.Message), Has.Member("the section 'Rollback {{.window}}' is empty; write its content or remove the heading"));
    }

    [Test]
    public void The_team_chooses_the_required_sections()
    {
        var task = Task(runbooks: [service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete)]);
        task.RequiredRunbookSections = ["Summary", "Verification"];

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Message, Does.Contain("'Verification'"));
    }

    [Test]
    public void A_section_list_escaped_on_the_command_line_is_still_a_list()
    {
        var task = Task(runbooks: [service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete)]);
        task.RequiredRunbookSections = ["Summary;Verification"];

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Single().Message, Does.Contain("no 'Verification' section"));
    }

    [Test]
    public void A_severity_override_turns_an_error_into_a_warning_and_the_build_passes()
    {
        var task = Task(runbooks: [service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete.Replace("owner: team-checkout", "title: x", System.StringComparison.Ordinal))]);
        task.Severities = [Severity("GR4005", "warning")];

        Assert.That(task.Execute(), Is.True);
        Assert.That(engine.Warnings.Single().Code, Is.EqualTo("GR4005"));
        Assert.That(engine.Warnings.Single().HelpLink, Does.EndWith("GR4005.md"));
    }

    [Test]
    public void Severity_none_turns_a_rule_off()
    {
        var task = Task(runbooks: [service.Write("docs/runbooks/checkout.md", SampleRunbooks.Complete.Replace("owner: team-checkout", "title: x", System.StringComparison.Ordinal))]);
        task.Severities = [Severity("GR4005", "none")];

        Assert.That(task.Execute(), Is.True);
        Assert.That(engine.Warnings, Is.Empty);
    }

    [Test]
    public void Turning_the_runbook_check_off_skips_runbooks()
    {
        var task = Task(runbooks: [service.Write("docs/runbooks/checkout.md", "# nothing\n")]);
        task.CheckRunbooks = false;

        Assert.That(task.Execute(), Is.True);
    }

    [Test]
    public void An_unknown_severity_or_category_is_reported_against_the_project_file()
    {
        var task = Task(runbooks: []);
        task.Severities = [Severity("GR4005", "loud")];
        task.RequiredSloCategories = ["Availability", "Throughput"];

        Assert.That(task.Execute(), Is.False);
        Assert.That(engine.Errors.Select(error => (error.Code, error.File)), Is.All.EqualTo(("GR4900", Path.Combine(service.Root, "Service.csproj"))));
        Assert.That(engine.Errors.Select(error => error.Message), Has.Some.Contains("'Throughput'").And.Some.Contains("Severity=\"loud\""));
    }

    [Test]
    public void A_runbook_that_cannot_be_read_fails_with_its_path_instead_of_throwing()
    {
        var path = service.Write("docs/runbooks/binary.md", "\0\0\0");

        Assert.That(Task(runbooks: [path]).Execute(), Is.False);
        Assert.That(engine.Errors.Single().Code, Is.EqualTo("GR4007"));
    }

    private static TaskItem Severity(string id, string severity)
    {
        var item = new TaskItem(id);
        item.SetMetadata("Severity", severity);
        return item;
    }

    /// <summary>Without <paramref name="slos"/>, a runbook-only project: SLO checks off, as GR3037 asks of one.</summary>
    private ValidateGuardrails Task(string[] runbooks, string[]? slos = null) => new()
    {
        BuildEngine = engine,
        RootDirectory = service.Root,
        ProjectFile = Path.Combine(service.Root, "Service.csproj"),
        RunbookFiles = [.. runbooks.Select(path => new TaskItem(path))],
        SloFiles = [.. (slos ?? []).Select(path => new TaskItem(path))],
        CheckSlos = slos is not null,
    };
}
