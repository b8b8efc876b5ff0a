using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Running;
using Guardrails.Analyzers.Benchmarks;

// --describe: size of the codebase, one timed run of each configuration, the diagnostics found, and each
//             analyzer's own execution time (time spent in its callbacks).
// --write DIR: writes the codebase to DIR (to read it, or to build it with `dotnet build` by hand).
// --cpu-time N: processor time per compile of the baseline, GR2xxx and all analyzers, N interleaved rounds.
// --scan DIR [ASSEMBLY...]: every analyzer over the .cs files of another code base (see ExternalCodeScan).
// --real DIR: the compiler alone, then every Guardrails and Meziantou.Analyzer analyzer in one run over the .cs files
//             under DIR, each analyzer's time from the driver's telemetry (see RealCodebaseCost, docs/performance.md).
// --real DIR --only NAME[,NAME...]: the same analysis run with only the named Guardrails analyzers (all of Meziantou's
//             still run, for their median), and without the compiler-alone runs: a quicker look at one analyzer.
// anything else: BenchmarkDotNet arguments (e.g. --filter '*').
if (args.Length > 1 && args[0] == "--scan")
{
    await ExternalCodeScan.RunAsync(args[1], args.Skip(2), Console.Out).ConfigureAwait(false);
    return 0;
}

if (args.Length > 1 && args[0] == "--real")
{
    var only = args.Length > 3 && args[2] == "--only" ? args[3].Split(',', StringSplitOptions.RemoveEmptyEntries) : [];
    await RealCodebaseCost.RunAsync(Path.GetFullPath(args[1]), only, Console.Out).ConfigureAwait(false);
    return 0;
}

if (args.Length > 1 && args[0] == "--cpu-time")
{
    await CpuTimeComparison.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), Console.Out).ConfigureAwait(false);
    return 0;
}

if (args.Length > 0 && args[0] == "--describe")
{
    var codebase = new GuardrailsCompilation();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"files: {codebase.FileCount}, lines: {codebase.LineCount}, analyzers: {codebase.Analyzers.Length}"));
    var stopwatch = System.Diagnostics.Stopwatch.StartNew();
    codebase.CompileOnly();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiler alone (first run, includes JIT): {stopwatch.Elapsed.TotalSeconds:F1} s"));
    stopwatch.Restart();
    await codebase.CompileWithSdkAnalyzerStandInAsync().ConfigureAwait(false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiler + SDK analyzer stand-in: {stopwatch.Elapsed.TotalSeconds:F1} s"));
    stopwatch.Restart();
    var diagnostics = await codebase.CompileWithAnalyzersAsync(logAnalyzerExecutionTime: true).ConfigureAwait(false);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiler + SDK stand-in + Guardrails analyzers (execution times logged): {stopwatch.Elapsed.TotalSeconds:F1} s"));
    foreach (var group in diagnostics.GroupBy(diagnostic => diagnostic.Id).OrderBy(group => group.Key, StringComparer.Ordinal))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {group.Count()} diagnostics"));
    }

    foreach (var analyzer in codebase.Analyzers)
    {
        var telemetry = await codebase.LastTelemetry!.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:F0} ms in its callbacks"));
    }

    return 0;
}

if (args.Length > 1 && args[0] == "--write")
{
    var codebase = new GuardrailsCompilation();
    foreach (var (path, text) in codebase.Sources)
    {
        var target = Path.Combine(args[1], path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await File.WriteAllTextAsync(target, text).ConfigureAwait(false);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {codebase.FileCount} files, {codebase.LineCount} lines to {args[1]}"));
    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(CompileBenchmarks).Assembly).Run(args);
return 0;
