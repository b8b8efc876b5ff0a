using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// What the Guardrails analyzers cost on a real codebase, measured in one process: the compiler's own time to
/// bind and emit every file, then two analysis runs (the first pays for JIT) with every Guardrails analyzer and every
/// Meziantou.Analyzer analyzer side by side, each analyzer's time taken from the analyzer driver's own telemetry
/// (<c>logAnalyzerExecutionTime</c>). Both the compile and the analysis run on one thread, so on a machine shared
/// with other builds the neighbours slow every figure alike and the shares stay comparable. Given the names of some
/// Guardrails analyzers, only those run beside Meziantou's, and the compiler-alone runs (only needed for the pack's
/// share of compile time) are left out.
/// </summary>
public static class RealCodebaseCost
{
    /// <summary>What the .NET SDK defines for a net8.0 build, so <c>#if NET6_0_OR_GREATER</c> code compiles as it ships.</summary>
    private static readonly string[] Net8PreprocessorSymbols =
    [
        "NET", "NET8_0", "NETCOREAPP", "RELEASE",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
    ];

    public static async Task RunAsync(string folder, IReadOnlyCollection<string> only, TextWriter output)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: Net8PreprocessorSymbols);
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path)).ToArray();
        var lines = trees.Sum(tree => tree.GetText().Lines.Count);

        var guardrails = GuardrailsAnalyzers().Where(analyzer => only.Count == 0 || only.Contains(analyzer.GetType().Name)).ToImmutableArray();
        if (guardrails.IsEmpty)
        {
            output.WriteLine(Invariant($"no Guardrails analyzer is named {string.Join(", ", only)}"));
            return;
        }

        // The compiler alone, twice: the first run pays for JIT and is not reported.
        var (compileSeconds, compileErrors) = (0.0, 0);
        if (only.Count == 0)
        {
            Compile(trees);
            (compileSeconds, compileErrors) = Compile(trees);
        }

        var yardstick = MeziantouAnalyzers();
        // The analysis twice, each on a fresh compilation, like the compile: the first run pays for JIT-compiling every
        // analyzer (Meziantou's and ours alike) and the driver; the second is the steady state of an IDE or a build
        // server that keeps the analyzers loaded. Both are reported; the goals are read on the second.
        var first = await AnalyseAsync(trees, yardstick, guardrails).ConfigureAwait(false);
        var second = await AnalyseAsync(trees, yardstick, guardrails).ConfigureAwait(false);
        var compileMilliseconds = compileSeconds * 1000;

        if (only.Count == 0)
        {
            output.WriteLine(Invariant($"{files.Length} files, {lines} lines under {folder}; compiler errors: {compileErrors} (0 means every call bound to a real symbol)"));
            output.WriteLine(Invariant($"compiler alone (bind + emit, one thread, second run): {compileMilliseconds:F0} ms"));
        }
        else
        {
            output.WriteLine(Invariant($"{files.Length} files, {lines} lines under {folder}; only {string.Join(", ", guardrails.Select(analyzer => analyzer.GetType().Name))} of Guardrails; compiler alone not run"));
        }

        foreach (var (run, name) in new[] { (first, "first"), (second, "second") })
        {
            output.WriteLine(Invariant($"analysis with {guardrails.Length} Guardrails and {yardstick.Length} Meziantou analyzers (one thread), {name} run: {run.Milliseconds:F0} ms; AD0001 (analyzer crashes): {run.Diagnostics.Count(d => d.Id == "AD0001")}"));
            output.WriteLine(Invariant($"  Meziantou.Analyzer: median {run.MeziantouMedian:F1} ms, total {run.Yardstick.Sum(time => time.Milliseconds):F0} ms, slowest {run.Yardstick.Max(time => time.Milliseconds):F0} ms ({run.Yardstick.MaxBy(time => time.Milliseconds)!.Name})"));
            if (only.Count == 0)
            {
                output.WriteLine(Invariant($"  Guardrails pack: {run.PackMilliseconds:F1} ms = {100 * run.PackMilliseconds / compileMilliseconds:F2} % of compile (goal <= 2 %)"));
            }
        }

        output.WriteLine();
        output.WriteLine("| analyzer | rules | diagnostics | first run: ms | x Meziantou median | second run: ms | x Meziantou median (goal <= 3) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var time in second.Guardrails.OrderByDescending(time => time.Milliseconds))
        {
            var ids = time.Analyzer.SupportedDiagnostics.Select(descriptor => descriptor.Id).Distinct().ToArray();
            var found = second.Diagnostics.Count(diagnostic => ids.Contains(diagnostic.Id));
            var cold = first.Guardrails.Single(other => other.Name == time.Name);
            output.WriteLine(Invariant($"| {time.Name} | {string.Join(", ", ids)} | {found} | {cold.Milliseconds:F1} | {cold.Milliseconds / first.MeziantouMedian:F2} | {time.Milliseconds:F1} | {time.Milliseconds / second.MeziantouMedian:F2} |"));
        }
    }

    private static async Task<AnalysisRun> AnalyseAsync(IEnumerable<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> yardstick, ImmutableArray<DiagnosticAnalyzer> guardrails)
    {
        // Meziantou's analyzers go first: the first analyzer to look up a type in a fresh compilation pays for binding
        // its references (measured: 54 ms charged to a GR1005 analyzer that had no goto to look at). Listed first,
        // that one-time cost lands on one analyzer of 181 and moves neither their median nor any Guardrails figure.
        var analysis = Create(trees).WithAnalyzers(yardstick.AddRange(guardrails), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await analysis.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        stopwatch.Stop();
        return new AnalysisRun(
            diagnostics,
            stopwatch.Elapsed.TotalMilliseconds,
            await TimesAsync(analysis, guardrails).ConfigureAwait(false),
            await TimesAsync(analysis, yardstick).ConfigureAwait(false));
    }

    private static (double Seconds, int Errors) Compile(IEnumerable<SyntaxTree> trees)
    {
        var compilation = Create(trees);
        var stopwatch = Stopwatch.StartNew();
        var errors = compilation.GetDiagnostics().Count(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
        using var stream = new MemoryStream();
        compilation.Emit(stream);
        return (stopwatch.Elapsed.TotalSeconds, errors);
    }

    private static CSharpCompilation Create(IEnumerable<SyntaxTree> trees) => CSharpCompilation.Create(
        "RealCodebase",
        trees,
        Basic.Reference.Assemblies.Net80.References.All,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, concurrentBuild: false, optimizationLevel: OptimizationLevel.Release));

    private static ImmutableArray<DiagnosticAnalyzer> GuardrailsAnalyzers() =>
    [
        .. typeof(Timeouts.UnboundedWaitAnalyzer).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];

    /// <summary>Every C# analyzer in the Meziantou.Analyzer package the build copied to yardstick/.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> MeziantouAnalyzers()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "yardstick", "Meziantou.Analyzer.dll");
        var assembly = Assembly.LoadFrom(path);
        return
        [
            .. assembly.GetTypes()
                .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract
                    && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(attribute => attribute.Languages.Contains(LanguageNames.CSharp)))
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
        ];
    }

    private static async Task<ImmutableArray<AnalyzerTime>> TimesAsync(CompilationWithAnalyzers analysis, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var times = ImmutableArray.CreateBuilder<AnalyzerTime>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = await analysis.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
            times.Add(new AnalyzerTime(analyzer, analyzer.GetType().Name, telemetry.ExecutionTime.TotalMilliseconds));
        }

        return times.ToImmutable();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record AnalyzerTime(DiagnosticAnalyzer Analyzer, string Name, double Milliseconds);

    private sealed record AnalysisRun(ImmutableArray<Diagnostic> Diagnostics, double Milliseconds, ImmutableArray<AnalyzerTime> Guardrails, ImmutableArray<AnalyzerTime> Yardstick)
    {
        public double MeziantouMedian { get; } = Median(Yardstick.Select(time => time.Milliseconds));

        public double PackMilliseconds { get; } = Guardrails.Sum(time => time.Milliseconds);
    }
}
