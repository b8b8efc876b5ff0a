using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// An analyzer runs on every keystroke, so it sees half-written code far more often than finished code.
/// Every analyzer in the assembly is run over prefixes of realistic sources cut at token boundaries;
/// an exception (reported by Roslyn as AD0001) fails the test.
/// </summary>
[TestFixture]
public sealed class AnalyzersNeverThrowTests
{
    /// <summary>Enough cuts to pass through every construct of a sample while keeping the suite fast.</summary>
    private const int MaximumCutsPerSource = 120;

    public static IEnumerable<string> RealisticSourceNames() => RealisticSources.Names();

    [Test]
    public void The_assembly_ships_analyzers_and_realistic_sources_to_run_them_on()
    {
        Assert.That(GuardrailsAnalyzers.CreateAll(), Is.Not.Empty);
        Assert.That(RealisticSourceNames(), Is.Not.Empty);
    }

    [TestCaseSource(nameof(RealisticSourceNames))]
    public async Task No_analyzer_throws_on_any_truncated_prefix_of(string resourceName)
    {
        var source = RealisticSources.Read(resourceName);
        var analyzers = GuardrailsAnalyzers.CreateAll();
        var baseCompilation = RealisticSources.Compile("Truncated", []);

        // Bind the references once: compilations derived by adding a tree share them, which keeps each cut cheap.
        _ = baseCompilation.GetSpecialType(SpecialType.System_Object);

        var failures = new ConcurrentBag<string>();
        var cutPositions = TokenBoundaryCuts(source).ToArray();
        await Parallel.ForEachAsync(cutPositions, async (cut, cancellationToken) =>
        {
            var prefix = source.Substring(0, cut);
            var tree = CSharpSyntaxTree.ParseText(prefix, RealisticSources.ParseOptions, path: "Truncated.cs", cancellationToken: cancellationToken);
            var compilation = baseCompilation.AddSyntaxTrees(tree);
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions([]),
                onAnalyzerException: (exception, analyzer, _) => failures.Add($"cut at {cut}: {analyzer.GetType().Name} threw {exception}"),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
            {
                failures.Add($"cut at {cut}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }
        });

        Assert.That(cutPositions, Has.Length.GreaterThan(50), "the sample is too small to exercise much");
        Assert.That(failures, Is.Empty);
    }

    private static IEnumerable<int> TokenBoundaryCuts(string source)
    {
        var tokens = CSharpSyntaxTree.ParseText(source, RealisticSources.ParseOptions).GetRoot().DescendantTokens().ToImmutableArray();
        var stride = Math.Max(1, (int)Math.Ceiling(tokens.Length / (double)MaximumCutsPerSource));
        for (var index = 0; index < tokens.Length; index += stride)
        {
            yield return tokens[index].Span.End;
        }

        yield return source.Length;
    }
}
