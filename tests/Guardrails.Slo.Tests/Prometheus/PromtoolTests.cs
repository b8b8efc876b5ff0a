using System;
using System.IO;
using Guardrails.Slo.Prometheus;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Prometheus;

[Category("promtool")]
public sealed class PromtoolTests
{
    private string directory = string.Empty;

    [SetUp]
    public void CreateDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "guardrails-promtool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(directory, recursive: true);

    [TestCaseSource(typeof(RuleGoldenFiles), nameof(RuleGoldenFiles.Cases))]
    public void Promtool_check_rules_accepts_the_generated_file(string fileName, PrometheusSlo slo)
    {
        File.WriteAllText(Path.Combine(directory, fileName), RuleGoldenFiles.Generate(slo));

        var (exitCode, output) = Promtool.Run(directory, "check", "rules", fileName);

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }

    [Test]
    public void Promtool_unit_tests_show_page_on_burst_ticket_on_slow_burn_and_silence_when_healthy()
    {
        File.WriteAllText(Path.Combine(directory, "checkout-availability.rules.yml"), RuleGoldenFiles.Generate(SampleSlos.CheckoutAvailability));
        File.Copy(
            RepositoryLayout.PathOf("tests", "Guardrails.Slo.Tests", "Prometheus", "PromtoolTests", "checkout-availability.test.yml"),
            Path.Combine(directory, "checkout-availability.test.yml"));

        var (exitCode, output) = Promtool.Run(directory, "test", "rules", "checkout-availability.test.yml");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("SUCCESS"));
    }
}
