using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Guardrails.Analyzers.Retries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// Compiles the synthetic codebase the way <c>csc</c> does (parse, bind, emit), alone or with every Guardrails
/// analyzer attached; the two times differ by what the analyzers add.
/// </summary>
public sealed class GuardrailsCompilation
{
    public const int Seed = 20_261_127;
    public const int MinimumLines = 100_000;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);
    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Release,
        nullableContextOptions: NullableContextOptions.Enable,
        concurrentBuild: true,
        deterministic: true);

    private readonly ImmutableArray<(string Path, string Text)> sources;

    public GuardrailsCompilation(int seed = Seed, int minimumLines = MinimumLines)
    {
        sources = [.. SyntheticCodebase.Generate(seed, minimumLines)];
        Analyzers =
        [
            .. typeof(RetryLoopAnalyzer).Assembly.GetTypes()
                .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
        ];
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    public int FileCount => sources.Length;

    public int LineCount => sources.Sum(source => SyntheticCodebase.CountLines(source.Text));

    public ImmutableArray<(string Path, string Text)> Sources => sources;

    public CSharpCompilation Parse()
    {
        var trees = sources.Select(source => CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Path));
        return CSharpCompilation.Create("Synthetic", trees, Basic.Reference.Assemblies.Net80.References.All, CompilationOptions);
    }

    /// <summary>Parse, bind and emit: the compiler alone. Returns the size of the emitted assembly.</summary>
    public long CompileOnly()
    {
        var compilation = Parse();
        using var peStream = new MemoryStream();
        var result = compilation.Emit(peStream);
        EnsureSucceeded(result.Success, result.Diagnostics);
        return peStream.Length;
    }

    /// <summary>Parse, bind and emit with only the stand-in for the SDK's own analyzers: the baseline of a real build.</summary>
    public Task<ImmutableArray<Diagnostic>> CompileWithSdkAnalyzerStandInAsync(CancellationToken cancellationToken = default) =>
        CompileWithAsync([new SdkAnalyzerStandIn()], logAnalyzerExecutionTime: false, cancellationToken);

    /// <summary>Parse, bind and emit while every Guardrails analyzer runs beside the SDK stand-in, as in a build. Returns the diagnostics found.</summary>
    public Task<ImmutableArray<Diagnostic>> CompileWithAnalyzersAsync(bool logAnalyzerExecutionTime = false, CancellationToken cancellationToken = default) =>
        CompileWithAsync(Analyzers.Add(new SdkAnalyzerStandIn()), logAnalyzerExecutionTime, cancellationToken);

    private async Task<ImmutableArray<Diagnostic>> CompileWithAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, bool logAnalyzerExecutionTime, CancellationToken cancellationToken)
    {
        var compilation = Parse();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: null,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: logAnalyzerExecutionTime));
        var analysis = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        using var peStream = new MemoryStream();
        var result = compilation.Emit(peStream, cancellationToken: cancellationToken);
        EnsureSucceeded(result.Success, result.Diagnostics);
        var diagnostics = await analysis.ConfigureAwait(false);
        if (diagnostics.Any(diagnostic => diagnostic.Id == "AD0001"))
        {
            throw new InvalidOperationException("an analyzer threw: " + diagnostics.First(diagnostic => diagnostic.Id == "AD0001"));
        }

        LastTelemetry = logAnalyzerExecutionTime ? withAnalyzers : null;
        return diagnostics;
    }

    /// <summary>Kept after a run with execution times logged, to read each analyzer's own time.</summary>
    public CompilationWithAnalyzers? LastTelemetry { get; private set; }

    private static void EnsureSucceeded(bool success, ImmutableArray<Diagnostic> diagnostics)
    {
        if (!success)
        {
            // A codebase that does not compile would measure error recovery, not compilation.
            throw new InvalidOperationException("the synthetic codebase does not compile: " +
                string.Join(Environment.NewLine, diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(10)));
        }
    }
}
