using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// Compares configurations by the processor time the process spends on one compile, not by wall-clock time: on
/// a machine shared with other builds, wall time measures the neighbours. Runs are interleaved (A, B, C, A, B,
/// C, ...) so drift in the machine's state hits every configuration alike, and the median of each is reported.
/// </summary>
public static class CpuTimeComparison
{
    public static async Task RunAsync(int rounds, TextWriter output)
    {
        var codebase = new GuardrailsCompilation();
        var baseline = ImmutableArray.Create<DiagnosticAnalyzer>(new SdkAnalyzerStandIn());
        var timeouts = codebase.Analyzers.Where(IsTimeoutsAnalyzer).ToImmutableArray();
        var configurations = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[]
        {
            ("compiler + SDK analyzer stand-in (baseline)", baseline),
            ("baseline + GR2xxx analyzers", baseline.AddRange(timeouts)),
            ("baseline + all Guardrails analyzers", baseline.AddRange(codebase.Analyzers)),
        };

        // The first compile of each configuration pays for JIT and caches; it is not counted.
        foreach (var configuration in configurations)
        {
            await CompileAsync(codebase, configuration.Analyzers).ConfigureAwait(false);
        }

        var samples = configurations.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var index = 0; index < configurations.Length; index++)
            {
                samples[index].Add(await CompileAsync(codebase, configurations[index].Analyzers).ConfigureAwait(false));
            }
        }

        var baselineMedian = Median(samples[0]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{codebase.FileCount} files, {codebase.LineCount} lines, {rounds} interleaved rounds, processor seconds per compile (median, min-max):"));
        for (var index = 0; index < configurations.Length; index++)
        {
            var median = Median(samples[index]);
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {configurations[index].Name}: {median:F2} s ({samples[index].Min():F2}-{samples[index].Max():F2}), {(median / baselineMedian - 1) * 100:+0.0;-0.0}% against the baseline"));
        }
    }

    private static bool IsTimeoutsAnalyzer(DiagnosticAnalyzer analyzer)
        => analyzer.SupportedDiagnostics.All(descriptor => descriptor.Id.StartsWith("GR2", StringComparison.Ordinal));

    /// <summary>Parse, bind, emit and run the analyzers; returns the processor seconds the process spent.</summary>
    private static async Task<double> CompileAsync(GuardrailsCompilation codebase, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.TotalProcessorTime;

        var compilation = codebase.Parse();
        var analysis = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = analysis.GetAnalyzerDiagnosticsAsync();
        using (var peStream = new MemoryStream())
        {
            if (!compilation.Emit(peStream).Success)
            {
                throw new InvalidOperationException("the synthetic codebase does not compile");
            }
        }

        if ((await diagnostics.ConfigureAwait(false)).Any(diagnostic => diagnostic.Id == "AD0001"))
        {
            throw new InvalidOperationException("an analyzer threw");
        }

        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(value => value).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
