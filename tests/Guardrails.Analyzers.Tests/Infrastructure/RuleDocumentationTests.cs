using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Testing;
using Microsoft.CodeAnalysis;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>Every rule any analyzer reports links to its page, and the page exists with the sections users look for.</summary>
[TestFixture]
public sealed class RuleDocumentationTests
{
    private static IEnumerable<DiagnosticDescriptor> Rules() =>
        GuardrailsAnalyzers.CreateAll().SelectMany(analyzer => analyzer.SupportedDiagnostics);

    public static IEnumerable<string> AllRuleIds() =>
        Rules().Select(rule => rule.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal);

    [TestCaseSource(nameof(AllRuleIds))]
    public void A_rule_links_to_its_documentation_page_which_has_examples_options_and_suppression(string ruleId)
    {
        var rule = Rules().First(candidate => candidate.Id == ruleId);
        Assert.That(rule.HelpLinkUri, Is.EqualTo(RuleIdentifiers.GetHelpUri(rule.Id)));

        var page = RepositoryLayout.PathOf("docs", "rules", rule.Id + ".md");
        Assert.That(File.Exists(page), Is.True, $"{rule.Id} has no docs/rules/{rule.Id}.md");
        var text = File.ReadAllText(page);
        Assert.That(text, Does.StartWith("# " + rule.Id + ":"));
        Assert.That(text, Does.Contain("## Bad").And.Contain("## Good").And.Contain("## Options").And.Contain("## How to suppress"));
    }
}
