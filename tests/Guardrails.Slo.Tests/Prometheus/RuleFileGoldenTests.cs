using System.IO;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class RuleFileGoldenTests
{
    [TestCaseSource(typeof(RuleGoldenFiles), nameof(RuleGoldenFiles.Cases))]
    public void Generated_rule_file_matches_the_reviewed_golden_file(string fileName, PrometheusSlo slo)
    {
        var generated = RuleGoldenFiles.Generate(slo);
        if (RuleGoldenFiles.UpdateRequested)
        {
            File.WriteAllText(RuleGoldenFiles.PathOf(fileName), generated);
        }

        Assert.That(generated, Is.EqualTo(RuleGoldenFiles.Read(fileName)), $"Regenerate with GUARDRAILS_UPDATE_GOLDEN=1 and review the diff of {fileName}.");
    }

    [TestCaseSource(typeof(RuleGoldenFiles), nameof(RuleGoldenFiles.Cases))]
    public void Generating_twice_gives_the_same_bytes(string fileName, PrometheusSlo slo)
    {
        var first = RuleGoldenFiles.Generate(slo);
        var second = RuleGoldenFiles.Generate(slo);

        Assert.That(second, Is.EqualTo(first), fileName);
    }
}
