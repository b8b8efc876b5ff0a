using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>
/// When one member is edited, the IDE asks the analyzers about that member's span alone. Every squiggle the build
/// shows inside a member must then still show, and none may appear that the build does not show, although several
/// rules read the member's whole type (where a client was made, what bounds its requests).
/// </summary>
[TestFixture]
public sealed class SpanAnalysisTests
{
    public static IEnumerable<string> RealisticSourceNames() => RealisticSources.Names();

    [TestCaseSource(nameof(RealisticSourceNames))]
    public async Task Analysing_one_member_gives_the_findings_the_whole_file_gives_in_it(string resourceName)
    {
        var tree = RealisticSources.Parse(resourceName);
        var compilation = RealisticSources.Compile("SpanAnalysis", [tree]);
        var analysis = compilation.WithAnalyzers(
            GuardrailsAnalyzers.CreateAll(),
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var model = compilation.GetSemanticModel(tree);

        var wholeFile = await analysis.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, default);
        Assert.That(wholeFile.Where(d => d.Id.StartsWith("GR", StringComparison.Ordinal)), Is.Not.Empty, "the sample no longer has findings to compare");

        var members = tree.GetRoot().DescendantNodes()
            .OfType<MemberDeclarationSyntax>()
            .Where(member => member is not BaseTypeDeclarationSyntax and not BaseNamespaceDeclarationSyntax)
            .ToArray();
        var mismatches = new List<string>();
        foreach (var member in members)
        {
            var inMember = (await analysis.GetAnalysisResultAsync(model, member.Span, default)).GetAllDiagnostics();
            var expected = Describe(wholeFile.Where(d => member.Span.Contains(d.Location.SourceSpan)));
            var actual = Describe(inMember.Where(d => member.Span.Contains(d.Location.SourceSpan)));
            if (!expected.SequenceEqual(actual, StringComparer.Ordinal))
            {
                mismatches.Add($"member at line {member.GetLocation().GetLineSpan().StartLinePosition.Line + 1}: whole file [{string.Join(", ", expected)}], member alone [{string.Join(", ", actual)}]");
            }
        }

        Assert.That(members, Is.Not.Empty);
        Assert.That(mismatches, Is.Empty);
    }

    private static ImmutableArray<string> Describe(IEnumerable<Diagnostic> diagnostics)
        => [.. diagnostics.Select(d => $"{d.Id}@{d.Location.SourceSpan}").Order(StringComparer.Ordinal)];
}
