using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Benchmarks;

/// <summary>
/// Runs every Guardrails analyzer over a checkout of someone else's code (every <c>.cs</c> file under a folder,
/// <c>bin</c> and <c>obj</c> left out) against the .NET 8 reference assemblies, and prints what each rule found
/// and each analyzer's own time. The code's own package references are not restored, so calls into them bind
/// to error types and are not judged: the scan shows false alarms and cost on real code, not full coverage.
/// </summary>
public static class ExternalCodeScan
{
    public static async Task RunAsync(string folder, TextWriter output)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path));
        var compilation = CSharpCompilation.Create(
            "External",
            trees,
            Basic.Reference.Assemblies.Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

        ImmutableArray<DiagnosticAnalyzer> analyzers =
        [
            .. typeof(Timeouts.UnboundedWaitAnalyzer).Assembly.GetTypes()
                .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
                .OrderBy(type => type.FullName, StringComparer.Ordinal)
                .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
        ];
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
        var stopwatch = Stopwatch.StartNew();
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        stopwatch.Stop();

        var lines = files.Sum(path => File.ReadLines(path).Count());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Length} files, {lines} lines; analysis took {stopwatch.Elapsed.TotalSeconds:F1} s"));
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
        {
            var position = diagnostic.Location.GetLineSpan();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(folder, position.Path)}({position.StartLinePosition.Line + 1}): {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}"));
        }

        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{analyzer.GetType().Name}: {telemetry.ExecutionTime.TotalMilliseconds:F0} ms in its callbacks"));
        }
    }
}
