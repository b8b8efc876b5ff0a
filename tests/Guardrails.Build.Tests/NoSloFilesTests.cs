using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Cli.Commands.Validate;
using Guardrails.Testing;
using Microsoft.Build.Utilities;

namespace Guardrails.Build.Tests;

/// <summary>
/// GR3037: a project that references Guardrails.Build but has no SLO files fails, says where the build looked and
/// how to point it elsewhere, and names SLO files it finds above the project (such as the repository root's slo/).
/// </summary>
public sealed class NoSloFilesTests
{
    private const string Project = "src/Orders";

    private TemporaryFolder repository = null!;
    private MockEngine engine = null!;

    [SetUp]
    public void CreateRepository()
    {
        repository = TemporaryFolder.Create("guardrails-noslo-");
        // The search for SLO files elsewhere stops at the repository root, so nothing outside this test is found.
        Directory.CreateDirectory(Path.Combine(repository.Root, ".git"));
        engine = new MockEngine();
    }

    [TearDown]
    public void DeleteRepository() => repository.Dispose();

    private string ProjectDirectory => Path.Combine(repository.Root, "src", "Orders");

    [Test]
    public void A_project_without_slo_files_fails_saying_where_it_looked_and_how_to_point_elsewhere()
    {
        var task = Task();

        Assert.That(task.Execute(), Is.False);
        var error = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("GR3037"));
            Assert.That(error.File, Is.EqualTo(Path.Combine(ProjectDirectory, "Orders.csproj")));
            Assert.That(error.HelpLink, Does.EndWith("/docs/rules/GR3037.md"));
            Assert.That(error.Message, Does.StartWith($"no SLO files to check: looked for slo/**/*.yaml and slo/**/*.yml under the project folder '{ProjectDirectory}'"));
            Assert.That(error.Message, Does.Contain("<GuardrailsSloDirectory>path/to/slo/</GuardrailsSloDirectory>").And.Contain("<GuardrailsSloFile Include="));
            Assert.That(error.Message, Does.Contain("<GuardrailsCheckSlos>false</GuardrailsCheckSlos>"));
        });
    }

    [Test]
    public void Slo_files_at_the_repository_root_are_named_with_the_settings_that_reach_them()
    {
        repository.Write("slo/orders.yaml", OpenSloService);

        Task().Execute();

        var message = engine.Errors.Single().Message;
        Assert.That(message, Does.Contain("SLO files are in '../../slo' at the repository root: set <GuardrailsSloDirectory>../../slo/</GuardrailsSloDirectory>, or <GuardrailsScope>Repository</GuardrailsScope>"));
    }

    [Test]
    public void One_slo_file_above_the_project_is_named_as_an_item_to_add()
    {
        repository.Write("src/orders.slo.yaml", OpenSloService);
        repository.Write("docker-compose.yml", "services:\n  orders:\n    image: orders\n");

        Task().Execute();

        Assert.That(engine.Errors.Single().Message, Does.Contain("an SLO file is '../orders.slo.yaml': add <GuardrailsSloFile Include=\"../orders.slo.yaml\" />"));
    }

    [Test]
    public void Yaml_that_is_no_slo_file_is_not_suggested()
    {
        repository.Write("docker-compose.yml", "services:\n  orders:\n    image: orders\n");
        repository.Write("slo/README.yaml", "notes: none yet\n");

        Task().Execute();

        Assert.That(engine.Errors.Single().Message, Does.Not.Contain("docker-compose").And.Not.Contain("README").And.Contain("to check SLO files elsewhere"));
    }

    [Test]
    public void With_default_items_off_the_message_says_no_folder_was_searched()
    {
        var task = Task();
        task.DefaultItemsEnabled = false;

        task.Execute();

        Assert.That(engine.Errors.Single().Message, Does.Contain("the project lists no <GuardrailsSloFile> items, and EnableDefaultGuardrailsItems is false"));
    }

    [Test]
    public void A_runbook_only_project_turns_the_slo_checks_off_and_builds()
    {
        var task = Task();
        task.CheckSlos = false;

        Assert.That(task.Execute(), Is.True);
        Assert.That(engine.Errors, Is.Empty);
        Assert.That(engine.Warnings, Is.Empty);
    }

    [Test]
    public void A_team_can_make_it_a_warning()
    {
        var task = Task();
        var severity = new TaskItem("GR3037");
        severity.SetMetadata("Severity", "warning");
        task.Severities = [severity];

        Assert.That(task.Execute(), Is.True);
        Assert.That(engine.Warnings.Single().Code, Is.EqualTo("GR3037"));
    }

    [Test]
    public void Validate_and_the_build_report_the_same_rule_and_the_same_slo_files_found_elsewhere()
    {
        repository.Write("slo/orders.yaml", OpenSloService);
        var runbook = repository.Write($"{Project}/docs/runbooks/orders.md", SampleRunbooks.Complete);
        var task = Task();
        task.RunbookFiles = [new TaskItem(runbook)];

        var built = task.Execute();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = new ValidateRun(output, error).Execute(new ValidateSettings { Root = ProjectDirectory, Format = "json" });

        using var json = JsonDocument.Parse(output.ToString());
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single();
        var buildError = engine.Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That((built, exitCode), Is.EqualTo((false, ValidateRun.FindingsReported)));
            Assert.That(finding.GetProperty("ruleId").GetString(), Is.EqualTo(buildError.Code));
            Assert.That(finding.GetProperty("severity").GetString(), Is.EqualTo("error"));
            Assert.That(finding.GetProperty("file").GetString(), Is.EqualTo("."));
            Assert.That(finding.GetProperty("message").GetString(), Does.Contain("SLO files are in '../../slo' at the repository root"));
            Assert.That(buildError.Message, Does.Contain("SLO files are in '../../slo' at the repository root"));
        });
    }

    private const string OpenSloService = "apiVersion: openslo/v1\nkind: Service\nmetadata:\n  name: orders\nspec:\n  description: Orders\n";

    private ValidateGuardrails Task()
    {
        Directory.CreateDirectory(ProjectDirectory);
        return new ValidateGuardrails
        {
            BuildEngine = engine,
            RootDirectory = ProjectDirectory,
            ProjectFile = Path.Combine(ProjectDirectory, "Orders.csproj"),
            SloDirectory = Path.Combine(ProjectDirectory, "slo") + Path.DirectorySeparatorChar,
        };
    }
}
