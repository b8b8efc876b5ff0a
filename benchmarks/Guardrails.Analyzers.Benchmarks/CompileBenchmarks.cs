using System.Collections.Immutable;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// One compile of the 100k-line codebase takes seconds, so each iteration is one compile (monitoring strategy:
/// no pilot, no unrolling) and a handful of iterations keep a run within about ten minutes on a shared machine.
/// The ratio that matters is the last row against the baseline row: what Guardrails adds to a build that already
/// runs the SDK's analyzers, as every SDK-style project does.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private GuardrailsCompilation codebase = null!;

    [GlobalSetup]
    public void GenerateCodebase() => codebase = new GuardrailsCompilation();

    [Benchmark(Description = "compiler alone, no analyzer driver")]
    public long CompilerAlone() => codebase.CompileOnly();

    [Benchmark(Baseline = true, Description = "compiler + SDK analyzer stand-in")]
    public Task<ImmutableArray<Diagnostic>> CompilerWithSdkAnalyzerStandIn() => codebase.CompileWithSdkAnalyzerStandInAsync();

    [Benchmark(Description = "compiler + SDK stand-in + all Guardrails analyzers")]
    public Task<ImmutableArray<Diagnostic>> CompilerWithGuardrailsAnalyzers() => codebase.CompileWithAnalyzersAsync();
}
