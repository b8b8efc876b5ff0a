using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Guardrails.Analyzers.Retries;
using Guardrails.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Tests.Retries;

/// <summary>
/// The realistic samples mix retries with the loops that look like them (per-item catch-and-log, a worker, paging,
/// polling, re-prompting for input). The GR1xxx family must report exactly the retries, each with the right ID.
/// </summary>
[TestFixture]
public sealed class RealisticRetrySamplesTests
{
    [TestCase("OrderSyncService.cs.txt", "FetchOrderAsync:GR1001, WriteReport:GR1001, PostOrderAsync:GR1003, Connect:GR1004, Flush:GR1005")]
    [TestCase("LegacyGateway.cs.txt", "Send:GR1003, SaveTightAsync:GR1002, GetWithBackoffAsync:GR1001, DownloadAsync:GR1004")]
    [TestCase("InventoryIntegration.cs.txt", "SendAsync:GR1003, WriteSnapshot:GR1001, GetStockAsync:GR1004, Reserve:GR1005")]
    public async Task The_retry_rules_report_exactly_the_retries_in(string sample, string expected)
    {
        var compilation = RealisticSources.Compile("Sample", [RealisticSources.Parse(sample)], referencePolly: false);
        Assert.That(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty, "the sample must compile");

        var analyzers = GuardrailsAnalyzers.CreateAll()
            .Where(analyzer => analyzer.GetType().Namespace == typeof(RetryLoopAnalyzer).Namespace)
            .ToImmutableArray();
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        var reported = diagnostics
            .OrderBy(diagnostic => diagnostic.Location.SourceSpan.Start)
            .Select(diagnostic => EnclosingMethod(diagnostic) + ":" + diagnostic.Id);
        Assert.That(string.Join(", ", reported), Is.EqualTo(expected));
    }

    private static string EnclosingMethod(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetRoot().FindToken(diagnostic.Location.SourceSpan.Start)
            .Parent!.AncestorsAndSelf().OfType<MethodDeclarationSyntax>().First().Identifier.ValueText;
}
