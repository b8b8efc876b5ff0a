using System.IO;
using System.Linq;
using System.Reflection;
using Guardrails.Diagnostics;
using Guardrails.Gate;
using Guardrails.Testing;

namespace Guardrails.Gate.Tests;

public sealed class GateRulesDocumentationTests
{
    private static Rule[] Rules => [.. typeof(GateRules).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(member => member.FieldType == typeof(Rule))
        .Select(member => (Rule)member.GetValue(null)!)];

    [Test]
    public void Every_gate_rule_has_a_unique_gr51_id_and_a_page_titled_with_it()
    {
        Assert.That(Rules, Has.Length.EqualTo(10));
        Assert.That(Rules.Select(rule => rule.Id), Is.Unique.And.All.Match("^GR52[0-9]{2}$"));
        foreach (var rule in Rules)
        {
            var page = RepositoryLayout.PathOf("docs", "rules", rule.Id + ".md");
            Assert.That(File.Exists(page), Is.True, page);
            Assert.That(File.ReadLines(page).First(), Is.EqualTo($"# {rule.Id}: {rule.Title}"));
            Assert.That(rule.HelpLink, Does.EndWith("docs/rules/" + rule.Id + ".md"));
        }
    }

    [Test]
    public void The_gate_guide_links_every_rule_and_documents_every_option()
    {
        var guide = File.ReadAllText(RepositoryLayout.PathOf("docs", "gate.md"));
        var options = typeof(Guardrails.Cli.Commands.Gate.GateCommandSettings).GetProperties()
            .SelectMany(property => property.GetCustomAttributes<Spectre.Console.Cli.CommandOptionAttribute>())
            .SelectMany(option => option.LongNames)
            .ToList();

        Assert.That(options, Has.Count.GreaterThan(20));
        Assert.That(options.Where(option => !guide.Contains($"| `--{option} ", System.StringComparison.Ordinal)), Is.Empty, "options without a row in docs/gate.md");
        Assert.That(Rules.Where(rule => !guide.Contains($"(rules/{rule.Id}.md)", System.StringComparison.Ordinal)).Select(rule => rule.Id), Is.Empty);
    }
}
