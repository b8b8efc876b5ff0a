using Guardrails.Slo.Prometheus.Rules;

namespace Guardrails.Slo.Tests.Prometheus;

public sealed class RuleGeneratorInfoTests
{
    [TestCase("1.2.3+8f2c1ab0d", "1.2.3")]
    [TestCase("1.2.4-alpha.0.7+8f2c1ab", "1.2.4-alpha.0.7")]
    [TestCase("1.2.3", "1.2.3")]
    [TestCase(null, "0.0.0")]
    [TestCase("", "0.0.0")]
    public void The_sloth_version_label_drops_build_metadata_so_rules_do_not_change_with_each_commit(string? informational, string expected)
    {
        Assert.That(RuleGeneratorInfo.FromInformationalVersion(informational), Is.EqualTo(expected));
    }

    [Test]
    public void The_version_stamped_by_the_task_and_the_cli_has_no_build_metadata()
    {
        Assert.That(RuleGeneratorInfo.Current.Version, Does.Not.Contain("+").And.Not.Empty);
    }
}
