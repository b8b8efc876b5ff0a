using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Testing;

namespace Guardrails.Documentation.Tests;

/// <summary>Every diagnostic has a page, links to it, and keeps an ID of its own in its area's range.</summary>
public sealed partial class RuleDocumentationTests
{
    private const string HelpLinkRoot = "https://github.com/guardrails-dotnet/guardrails/blob/main/docs/rules/";

    private static readonly string RulesFolder = RepositoryLayout.PathOf("docs", "rules");

    [GeneratedRegex(@"^GR[1-6]\d{3}$")]
    private static partial Regex IdPattern();

    private static ProductDiagnostic[] Diagnostics => [.. ProductDiagnostics.All];

    [TestCaseSource(nameof(Diagnostics))]
    public void Each_diagnostic_has_a_well_formed_id(ProductDiagnostic diagnostic) =>
        Assert.That(diagnostic.Id, Does.Match(IdPattern()));

    [TestCaseSource(nameof(Diagnostics))]
    public void Each_diagnostic_has_a_page_under_docs_rules_titled_with_its_id(ProductDiagnostic diagnostic)
    {
        var page = Path.Combine(RulesFolder, diagnostic.Id + ".md");

        Assert.That(page, Does.Exist, $"Write docs/rules/{diagnostic.Id}.md for {diagnostic.DeclaredIn}.");
        Assert.That(File.ReadLines(page).First(), Does.StartWith("# " + diagnostic.Id));
    }

    [TestCaseSource(nameof(Diagnostics))]
    public void Each_diagnostic_links_to_its_page(ProductDiagnostic diagnostic) =>
        Assert.That(diagnostic.HelpLink, Is.EqualTo(HelpLinkRoot + diagnostic.Id + ".md"));

    [Test]
    public void No_two_declarations_share_an_id()
    {
        var duplicates = ProductDiagnostics.All
            .GroupBy(diagnostic => diagnostic.Id)
            .Where(group => group.Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(d => d.DeclaredIn))}");

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Every_page_documents_a_diagnostic_the_product_defines()
    {
        var defined = ProductDiagnostics.All.Select(diagnostic => diagnostic.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.Exists(RulesFolder)
            ? Directory.EnumerateFiles(RulesFolder, "GR*.md").Select(Path.GetFileNameWithoutExtension)
            : [];

        Assert.That(pages.Where(id => !defined.Contains(id!)), Is.Empty, "Pages for IDs no code defines: retire the page or restore the rule.");
    }
}
