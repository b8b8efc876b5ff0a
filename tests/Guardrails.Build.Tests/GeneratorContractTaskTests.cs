using System.IO;
using System.Linq;
using Guardrails.Testing;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.Build.Tests;

/// <summary>
/// The files that used to end the build in MSB4018 inside the rule generator: each is one positioned GR error,
/// whatever the severity overrides say, and nothing the task meets ever escapes it as an exception.
/// </summary>
public sealed class GeneratorContractTaskTests
{
    private TemporaryFolder service = null!;
    private MockEngine engine = null!;

    [SetUp]
    public void CreateService()
    {
        service = TemporaryFolder.Create("guardrails-contract-task-");
        engine = new MockEngine();
    }

    [TearDown]
    public void DeleteService() => service.Dispose();

    [TestCaseSource(typeof(GeneratorContractCases), nameof(GeneratorContractCases.All))]
    public void Each_case_fails_the_build_with_one_positioned_error_even_when_its_rule_is_overridden(GeneratorContractCase @case)
    {
        var task = Task(@case);
        task.Severities = [Severity(@case.Code, "none"), Severity("GR3024", "warning")];

        var succeeded = task.Execute();

        var error = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(succeeded, Is.False);
            Assert.That(error.Code, Is.EqualTo(@case.Code));
            Assert.That(error.File, Is.EqualTo(Path.Combine(service.Root, @case.File)));
            Assert.That((error.LineNumber, error.ColumnNumber), Is.EqualTo(@case.Position));
            Assert.That(Directory.Exists(Path.Combine(service.Root, "rules")), Is.False, "no rules are written");
        });
    }

    [Test]
    public void An_unexpected_failure_is_one_gr4901_error_naming_the_project_without_a_stack_trace()
    {
        var task = Task(GeneratorContractCases.DuplicateSlothId with { Files = [GeneratorContractCases.DuplicateSlothId.Files[0]] });
        task.RulesOutputDirectory = Path.Combine(service.Write("rules", "a file where the rules folder should be"), "orders");

        var succeeded = task.Execute();

        var error = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(succeeded, Is.False);
            Assert.That(error.Code, Is.EqualTo("GR4901"));
            Assert.That(error.File, Is.EqualTo(Path.Combine(service.Root, "Service.csproj")));
            Assert.That(error.Message, Does.Contain("rules/orders").And.Contain("DirectoryNotFoundException").And.Not.Contain("   at "));
        });
    }

    private ValidateGuardrails Task(GeneratorContractCase @case)
    {
        var slos = @case.Files.Select(file => service.Write(file.Path, file.Text)).ToList();
        var runbook = service.Write(GeneratorContractCases.RunbookPath, SampleRunbooks.Complete);
        return new ValidateGuardrails
        {
            BuildEngine = engine,
            RootDirectory = service.Root,
            ProjectFile = Path.Combine(service.Root, "Service.csproj"),
            SloFiles = [.. slos.Select(path => new TaskItem(path))],
            RunbookFiles = [new TaskItem(runbook)],
            RulesOutputDirectory = Path.Combine(service.Root, "rules"),
        };
    }

    private static TaskItem Severity(string id, string severity)
    {
        var item = new TaskItem(id);
        item.SetMetadata("Severity", severity);
        return item;
    }
}
