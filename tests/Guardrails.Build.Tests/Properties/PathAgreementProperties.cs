using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CsCheck;
using Guardrails.Cli.Commands.Rules;
using Guardrails.Cli.Commands.Validate;
using Guardrails.Testing;
using Microsoft.Build.Utilities;

namespace Guardrails.Build.Tests.Properties;

/// <summary>
/// Ties the paths together on thousands of generated projects: what <c>guardrails validate</c> reports, the MSBuild
/// task reports the same (code, file, line, column); a project validate finds clean builds, and its rule files are
/// byte for byte those of <c>guardrails rules</c>, and promtool accepts them; nothing throws.
/// </summary>
[NonParallelizable]
public sealed class PathAgreementProperties
{
    // Enough for every generator branch many times over, within the CI budget (about 20 s on 2 cores).
    private const int Iterations = 2000;

    private TemporaryFolder scratch = null!;
    private readonly ConcurrentDictionary<string, string> ruleFiles = new(StringComparer.Ordinal);

    [SetUp]
    public void CreateScratch() => scratch = TemporaryFolder.Create("guardrails-properties-");

    [TearDown]
    public void DeleteScratch() => scratch.Dispose();

    [Test]
    public void Validate_the_build_and_rules_agree_on_every_generated_project()
    {
        var counts = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        SloDocuments.Project.Sample(files =>
        {
            var outcome = Check(files);
            counts.AddOrUpdate(outcome, 1, (_, count) => count + 1);
        }, iter: Iterations);

        TestContext.Out.WriteLine($"{Iterations} projects in {clock.Elapsed.TotalSeconds:0.0} s; {ruleFiles.Count} distinct rule files for promtool");
        TestContext.Out.WriteLine(string.Join(", ", counts.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}: {pair.Value}")));
        Assert.Multiple(() =>
        {
            // The generators must reach both sides of the property, or it proves nothing.
            Assert.That(counts.GetValueOrDefault("rules"), Is.GreaterThan(Iterations / 20), "validate-clean projects with rules");
            Assert.That(counts.GetValueOrDefault("errors"), Is.GreaterThan(Iterations / 4), "projects with errors");
        });

        clock.Restart();
        AssertPromtoolAccepts(ruleFiles.Values.ToList());
        TestContext.Out.WriteLine($"promtool: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    /// <summary>Checks one project; returns which side of the property it exercised.</summary>
    private string Check(string[] files)
    {
        using var root = TemporaryFolder.Create("guardrails-property-");
        var sloFiles = files.Select((text, index) => root.Write($"slo/file{index}.yaml", text)).ToList();
        var runbook = root.Write("docs/runbooks/orders.md", SampleRunbooks.Complete);

        var validated = Validate(root.Root);
        var (succeeded, built, written) = Build(root.Root, sloFiles, runbook);
        var described = "\n" + string.Join("\n---file---\n", files);

        Assert.That(built, Is.EqualTo(validated), "validate and the build differ on:" + described);
        var errors = validated.Count(finding => finding.Severity == "error");
        Assert.That(succeeded, Is.EqualTo(errors == 0), "the build's result does not follow validate's errors on:" + described);
        if (errors > 0)
        {
            return "errors";
        }

        var cliDirectory = Path.Combine(root.Root, "cli-rules");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = new RuleGeneration(output, error).Run(new RulesSettings { Paths = [Path.Combine(root.Root, "slo")], OutputDirectory = cliDirectory });
        if (written.Count == 0)
        {
            Assert.That(exitCode, Is.EqualTo(RuleGeneration.SloErrors), "no SLOs, yet rules wrote something:" + described);
            return "clean without rules";
        }

        Assert.That(exitCode, Is.EqualTo(RuleGeneration.Success), () => error + output.ToString() + described);
        var cliFiles = Directory.EnumerateFiles(cliDirectory).Order(StringComparer.Ordinal).ToList();
        Assert.That(cliFiles.Select(Path.GetFileName), Is.EqualTo(written.Select(Path.GetFileName)), "different rule files:" + described);
        foreach (var (task, cli) in written.Zip(cliFiles))
        {
            var bytes = File.ReadAllBytes(task);
            Assert.That(File.ReadAllBytes(cli), Is.EqualTo(bytes), $"{Path.GetFileName(task)} differs:" + described);
            var text = File.ReadAllText(task);
            ruleFiles.TryAdd(text, text);
        }

        return "rules";
    }

    private static List<Reported> Validate(string root)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        new ValidateRun(output, error).Execute(new ValidateSettings { Root = root, Format = "json" });
        using var json = JsonDocument.Parse(output.ToString());
        return [.. json.RootElement.GetProperty("findings").EnumerateArray()
            .Select(finding => new Reported(
                finding.GetProperty("severity").GetString()!,
                finding.GetProperty("ruleId").GetString()!,
                finding.GetProperty("file").GetString()!,
                finding.GetProperty("line").GetInt32(),
                finding.GetProperty("column").GetInt32()))
            .Order()];
    }

    private static (bool Succeeded, List<Reported> Findings, IReadOnlyList<string> RuleFiles) Build(string root, List<string> sloFiles, string runbook)
    {
        var engine = new MockEngine();
        var task = new ValidateGuardrails
        {
            BuildEngine = engine,
            RootDirectory = root,
            ProjectFile = Path.Combine(root, "Service.csproj"),
            SloFiles = [.. sloFiles.Select(path => new TaskItem(path))],
            RunbookFiles = [new TaskItem(runbook)],
            RulesOutputDirectory = Path.Combine(root, "obj", "rules"),
        };

        var succeeded = task.Execute();
        string Relative(string file) => Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
        var findings = engine.Errors.Select(e => new Reported("error", e.Code, Relative(e.File), e.LineNumber, e.ColumnNumber))
            .Concat(engine.Warnings.Select(w => new Reported("warning", w.Code, Relative(w.File), w.LineNumber, w.ColumnNumber)))
            .Concat(engine.Messages.Where(m => m.Code is not null).Select(m => new Reported("info", m.Code, Relative(m.File), m.LineNumber, m.ColumnNumber)))
            .Order()
            .ToList();
        return (succeeded, findings, [.. task.GeneratedRuleFiles.Select(item => item.ItemSpec).Order(StringComparer.Ordinal)]);
    }

    private void AssertPromtoolAccepts(List<string> texts)
    {
        Assert.That(texts, Is.Not.Empty);
        var directory = Path.Combine(scratch.Root, "promtool");
        Directory.CreateDirectory(directory);
        var paths = texts.Select((text, index) =>
        {
            var path = Path.Combine(directory, $"rules{index}.yml");
            File.WriteAllText(path, text);
            return Path.GetFileName(path);
        }).ToList();

        // One promtool call per few hundred files keeps the command line short and the cost to a few seconds.
        foreach (var batch in paths.Chunk(200))
        {
            var outcome = Promtool.Run(directory, ["check", "rules", .. batch]);
            Assert.That(outcome.ExitCode, Is.EqualTo(0), () => outcome.Output);
        }
    }

    private sealed record Reported(string Severity, string Code, string File, int Line, int Column) : IComparable<Reported>
    {
        public int CompareTo(Reported? other) =>
            other is null ? 1 : string.CompareOrdinal(ToString(), other.ToString());

        public override string ToString() => FormattableString.Invariant($"{File}({Line},{Column}) {Severity} {Code}");
    }
}
