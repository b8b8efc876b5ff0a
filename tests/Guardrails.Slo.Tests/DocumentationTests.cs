using System.IO;
using System.Linq;
using System.Reflection;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Tests;

public sealed class DocumentationTests
{
    private static Rule[] Rules => typeof(SloRules).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(member => member.FieldType == typeof(Rule))
        .Select(member => (Rule)member.GetValue(null)!)
        .ToArray();

    [Test]
    public void Every_slo_rule_has_a_unique_gr3_id_and_a_page_in_docs_rules()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "rules");

        Assert.That(Rules, Has.Length.GreaterThan(20));
        Assert.That(Rules.Select(rule => rule.Id), Is.Unique.And.All.Match("^GR3[0-9]{3}$"));
        Assert.That(Rules.Where(rule => !File.Exists(Path.Combine(docs, rule.Id + ".md"))).Select(rule => rule.Id), Is.Empty);
    }

    [Test]
    public void Each_rule_page_is_titled_with_its_id_and_title()
    {
        var docs = Path.Combine(RepositoryRoot(), "docs", "rules");

        foreach (var rule in Rules)
        {
            Assert.That(File.ReadLines(Path.Combine(docs, rule.Id + ".md")).First(), Is.EqualTo($"# {rule.Id}: {rule.Title}"));
        }
    }

    [Test]
    public void The_examples_in_the_slo_format_guide_are_valid()
    {
        var guide = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "slo-format.md"));
        var examples = guide.Split("```yaml\n").Skip(1).Select(block => block.Substring(0, block.IndexOf("```", System.StringComparison.Ordinal))).ToArray();

        Assert.That(examples, Has.Length.EqualTo(2));
        foreach (var example in examples)
        {
            Assert.That(Validate.Text(example, Validate.SpecOnly).Findings, Is.Empty, example);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Guardrails.Build.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "the tests run inside the repository");
        return directory!.FullName;
    }
}
