using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// Stands in for the analyzers every SDK-style build already runs (the .NET SDK enables operation-based CA rules
/// such as CA1416 by default): it makes the driver build an operation tree for every method body and looks at
/// each invocation, doing no work of its own. With it in the baseline, the benchmark measures what Guardrails
/// adds to a real build, not the analyzer driver a build pays for anyway.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SdkAnalyzerStandIn : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Unused = new(
        "BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    private long invocations;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Unused);

    public long Invocations => Interlocked.Read(ref invocations);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(_ => Interlocked.Increment(ref invocations), OperationKind.Invocation);
    }
}
