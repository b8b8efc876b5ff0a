using System;
using BenchmarkDotNet.Attributes;
using Guardrails.Slo.Projects;

namespace Guardrails.Slo.Benchmarks;

/// <summary>
/// What the build task and <c>guardrails validate</c> pay for a large repository: the SLO files, the runbooks
/// (Markdig parse, sections, owner) and every runbook link and anchor of the SLOs and alerts.
/// </summary>
[MemoryDiagnoser]
public class ValidateProjectBenchmark : IDisposable
{
    private SloCorpus? slos;
    private ProjectValidationOptions? options;

    [Params(1000)]
    public int ServiceCount { get; set; }

    [GlobalSetup]
    public void CreateFiles()
    {
        slos = new SloCorpus(ServiceCount);
        var runbooks = new RunbookCorpus(slos.Directory, ServiceCount);
        options = new ProjectValidationOptions { RootDirectory = slos.Directory, SloFiles = slos.Files, RunbookFiles = runbooks.Files };
        var check = ProjectValidator.Validate(options);
        if (check.Findings.Count != 0 || check.Slos.Count != 2 * ServiceCount)
        {
            throw new InvalidOperationException("The benchmark corpus must be valid: " + string.Join(Environment.NewLine, check.Findings));
        }
    }

    [Benchmark(Baseline = true)]
    public ProjectValidationResult Validate() => ProjectValidator.Validate(options!);

    /// <summary>The runbooks alone (read, Markdig parse, front matter, sections), to separate their cost from the SLOs'.</summary>
    [Benchmark]
    public ProjectValidationResult RunbooksOnly() => ProjectValidator.Validate(options! with { CheckSlos = false });

    [GlobalCleanup]
    public void Dispose()
    {
        slos?.Dispose();
        slos = null;
        GC.SuppressFinalize(this);
    }
}
