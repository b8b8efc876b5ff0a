using System.IO;
using Guardrails.Slo.Prometheus;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Prometheus;

[Category("promtool")]
public sealed class PromtoolTests
{
    private TemporaryFolder folder = null!;

    [SetUp]
    public void CreateDirectory() => folder = TemporaryFolder.Create("guardrails-promtool-");

    [TearDown]
    public void DeleteDirectory() => folder.Dispose();

    [TestCaseSource(typeof(RuleGoldenFiles), nameof(RuleGoldenFiles.Cases))]
    public void Promtool_check_rules_accepts_the_generated_file(string fileName, PrometheusSlo slo)
    {
        folder.Write(fileName, RuleGoldenFiles.Generate(slo));

        var (exitCode, output) = Promtool.Run(folder.Root, "check", "rules", fileName);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }

    [Test]
    public void Promtool_unit_tests_show_page_on_burst_ticket_on_slow_burn_and_silence_when_healthy()
    {
        folder.Write("checkout-availability.rules.yml", RuleGoldenFiles.Generate(SampleSlos.CheckoutAvailability));
        File.Copy(
            RepositoryLayout.PathOf("tests", "Guardrails.Slo.Tests", "Prometheus", "PromtoolTests", "checkout-availability.test.yml"),
            Path.Combine(folder.Root, "checkout-availability.test.yml"));

        var (exitCode, output) = Promtool.Run(folder.Root, "test", "rules", "checkout-availability.test.yml");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }
}
