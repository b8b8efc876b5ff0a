using System;
using System.Collections.Generic;
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
/// and each analyzer's own time. Package references are not restored: only the assemblies named on the command
/// line are added, and calls into anything else bind to error types and are not judged. The scan shows false
/// alarms and cost on real code, not full coverage.
/// </summary>
public static class ExternalCodeScan
{
    /// <summary>What <c>ImplicitUsings=enable</c> adds to a Microsoft.NET.Sdk project, which most code today assumes.</summary>
    private const string SdkImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <param name="references">Assemblies the code needs beyond .NET 8 (Polly.Core, Grpc.Core.Api, ...).</param>
    public static async Task RunAsync(string folder, IEnumerable<string> references, TextWriter output)
    {
        var files = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToArray();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path))
            .Append(CSharpSyntaxTree.ParseText(SdkImplicitUsings, parseOptions, "ImplicitUsings.g.cs"));
        var compilation = CSharpCompilation.Create(
            "External",
            trees,
            Basic.Reference.Assemblies.Net80.References.All.Concat(references.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))),
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
