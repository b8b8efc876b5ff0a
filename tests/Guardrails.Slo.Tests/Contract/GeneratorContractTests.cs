using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Projects;
using Guardrails.Slo.Prometheus.Rules;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Contract;

/// <summary>
/// What the rule generator cannot handle is a validation finding: one positioned error, in every mode, that no
/// severity override can weaken, and the SLO is not handed on to anything that would generate rules from it.
/// </summary>
public sealed class GeneratorContractTests
{
    private TemporaryFolder repository = null!;

    [SetUp]
    public void CreateRepository() => repository = TemporaryFolder.Create("guardrails-contract-");

    [TearDown]
    public void DeleteRepository() => repository.Dispose();

    [TestCaseSource(typeof(GeneratorContractCases), nameof(GeneratorContractCases.All))]
    public void Each_case_is_one_positioned_error_and_its_slo_is_not_passed_on(GeneratorContractCase @case)
    {
        var result = Validate(@case, SeverityOverrides.None);

        var finding = result.Findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Rule.Id, Is.EqualTo(@case.Code), () => string.Join("\n", result.Findings));
            Assert.That(finding.Severity, Is.EqualTo(Severity.Error));
            Assert.That(finding.Location.File, Is.EqualTo(Path.Combine(repository.Root, @case.File)));
            Assert.That((finding.Location.Line, finding.Location.Column), Is.EqualTo(@case.Position));
            Assert.That(RuleGenerationContract.Check(result.Slos).Findings, Is.Empty, "the SLOs passed on can all become rules");
            Assert.That(result.Slos, Is.Not.Empty, "the sound SLOs are still passed on");
        });
    }

    [TestCaseSource(typeof(GeneratorContractCases), nameof(GeneratorContractCases.All))]
    public void No_severity_override_turns_a_generator_rule_off_or_into_a_warning(GeneratorContractCase @case)
    {
        var overrides = new SeverityOverrides([
            new KeyValuePair<string, Severity?>(@case.Code, null),
            new KeyValuePair<string, Severity?>("GR3024", Severity.Warning),
            new KeyValuePair<string, Severity?>("GR3014", null),
        ]);

        var result = Validate(@case, overrides);

        Assert.That(result.Findings.Select(finding => (finding.Rule.Id, finding.Severity)), Is.EqualTo(new[] { (@case.Code, Severity.Error) }));
    }

    [Test]
    public void The_spec_only_mode_also_refuses_what_cannot_become_rules_because_rules_and_the_gate_read_in_it()
    {
        var result = SloValidator.ValidateText("slo/orders.yaml", GeneratorContractCases.OpenSlo(window: "12h", target: "0.999"), new SloValidationOptions { SpecOnly = true });

        Assert.That(result.Findings.Select(finding => finding.Rule.Id), Is.EqualTo(new[] { "GR3031" }));
        Assert.That(result.Slos.Select(slo => slo.Name), Is.EqualTo(new[] { "orders-latency" }));
    }

    [Test]
    public void The_window_message_says_what_would_work()
    {
        var result = Validate(GeneratorContractCases.TwelveHourWindow, SeverityOverrides.None);

        Assert.That(result.Findings.Single().Message, Is.EqualTo(
            "SLO 'orders-orders-availability' has a time window of 12h; multiwindow burn-rate alerts need a window longer than 3d, their longest (ticket) alert window. "
            + "Use 7d, 28d or 30d (the windows Sloth's catalogues are tuned for), or any window longer than 3d."));
    }

    private ProjectValidationResult Validate(GeneratorContractCase @case, SeverityOverrides overrides)
    {
        var files = @case.Files.Select(file => repository.Write(file.Path, file.Text)).ToList();
        repository.Write(GeneratorContractCases.RunbookPath, SampleRunbooks.Complete);
        return ProjectValidator.Validate(new ProjectValidationOptions
        {
            RootDirectory = repository.Root,
            SloFiles = files,
            RunbookFiles = [Path.Combine(repository.Root, GeneratorContractCases.RunbookPath)],
            Severities = overrides,
        });
    }
}
