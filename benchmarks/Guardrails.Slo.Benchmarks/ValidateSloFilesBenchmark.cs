using System;
using BenchmarkDotNet.Attributes;

namespace Guardrails.Slo.Benchmarks;

/// <summary>What the build pays for checking a large repository's SLO files: read, parse, validate, resolve, map.</summary>
[MemoryDiagnoser]
public class ValidateSloFilesBenchmark : IDisposable
{
    private SloCorpus? corpus;
    private SloValidationOptions options = new();

    [Params(1000)]
    public int FileCount { get; set; }

    [GlobalSetup]
    public void CreateFiles()
    {
        corpus = new SloCorpus(FileCount);
        options = new SloValidationOptions { BaseDirectory = corpus.Directory };
        var check = SloValidator.Validate(corpus.Files, options);
        if (check.Findings.Count != 0 || check.Slos.Count != 2 * FileCount)
        {
            throw new InvalidOperationException("The benchmark corpus must be valid: " + string.Join(Environment.NewLine, check.Findings));
        }
    }

    [Benchmark]
    public SloValidationResult Validate() => SloValidator.Validate(corpus!.Files, options);

    [GlobalCleanup]
    public void Dispose()
    {
        corpus?.Dispose();
        corpus = null;
        GC.SuppressFinalize(this);
    }
}
