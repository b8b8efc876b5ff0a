using System;
using System.Linq;
using Guardrails.Gate;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Validation;

namespace Guardrails.Pipelines.Tests;

public sealed class CanaryPipelineValidatorTests
{
    private static readonly CanaryPipeline Valid = new() { Version = "1.2.3" };

    [Test]
    public void The_defaults_are_valid() =>
        Assert.That(CanaryPipelineValidator.Validate(Valid, "model"), Is.Empty);

    [TestCase(new int[0], "no traffic steps")]
    [TestCase(new[] { 10, 0, 100 }, "from 1 to 100")]
    [TestCase(new[] { 10, 150 }, "from 1 to 100")]
    [TestCase(new[] { 50, 25, 100 }, "increase strictly")]
    [TestCase(new[] { 10, 10, 100 }, "increase strictly")]
    [TestCase(new[] { 10, 25, 50 }, "must end at 100")]
    public void Unusable_traffic_steps_are_GR5001(int[] steps, string reason)
    {
        var finding = CanaryPipelineValidator.Validate(Valid with { TrafficSteps = steps }, "model").Single();

        Assert.That(finding.Rule, Is.SameAs(TemplateRules.InvalidTrafficSteps));
        Assert.That(finding.Message, Does.Contain(reason));
        Assert.That(finding.ToString(), Does.StartWith("model(1,1,1,1): error GR5001: "));
    }

    [Test]
    public void No_adapter_is_GR5002() =>
        Assert.That(CanaryPipelineValidator.Validate(Valid with { Adapters = [] }, "model").Single().Rule, Is.SameAs(TemplateRules.UnknownTrafficAdapter));

    [TestCase(-1)]
    [TestCase(361)]
    [TestCase(0.5)]
    public void A_bake_time_outside_whole_minutes_from_0_to_360_is_GR5003(double minutes) =>
        Assert.That(CanaryPipelineValidator.Validate(Valid with { BakeTime = TimeSpan.FromMinutes(minutes) }, "model").Single().Rule, Is.SameAs(TemplateRules.InvalidBakeTime));

    [Test]
    public void Gate_settings_out_of_range_are_GR5004_one_finding_each()
    {
        var gate = GateOptions.Default with { Window = "5 minutes", Interval = "0s", MaxBurnRate = 0, Samples = 0, FailureLimit = -1, MinRequests = -1, Selector = " ", OnNoData = "ignore" };

        var findings = CanaryPipelineValidator.Validate(Valid with { Gate = gate }, "model");

        Assert.That(findings.Select(finding => finding.Rule), Is.All.SameAs(TemplateRules.InvalidGateSetting));
        Assert.That(findings, Has.Count.EqualTo(8));
        Assert.That(findings.Select(finding => finding.Message), Has.Some.Contains("--window '5 minutes'").And.Some.Contains("--on-no-data 'ignore'"));
    }

    // The gate accepts every Prometheus duration (its docs give 1h30m as an example); so must the templates.
    [TestCase("1h30m", "1m30s")]
    [TestCase("90s", "500ms")]
    [TestCase("1d", "2m")]
    public void Gate_durations_the_gate_accepts_are_valid_template_defaults(string window, string interval)
    {
        var gate = GateOptions.Default with { Window = window, Interval = interval, Samples = 3, WarmUp = "0" };

        Assert.That(CanaryPipelineValidator.Validate(Valid with { Gate = gate }, "model"), Is.Empty);
        Assert.That(GateOptionChecks.Check(gate), Is.Empty);
    }

    [Test]
    public void A_schedule_the_gate_would_refuse_is_not_a_template_default()
    {
        var gate = GateOptions.Default with { Samples = 30, Interval = "1m" };

        var finding = CanaryPipelineValidator.Validate(Valid with { Gate = gate }, "model").Single();

        Assert.That(finding.Rule, Is.SameAs(TemplateRules.InvalidGateSetting));
        Assert.That(finding.Message, Does.Contain("--deadline"));
    }

    [TestCase("v1.2.3")]
    [TestCase("1.2")]
    [TestCase("01.2.3")]
    public void A_version_that_is_not_semver_is_GR5005(string version) =>
        Assert.That(CanaryPipelineValidator.Validate(Valid with { Version = version }, "model").Single().Rule, Is.SameAs(TemplateRules.InvalidTemplateVersion));

    [Test]
    public void Generation_stops_at_findings_and_emits_nothing()
    {
        var generation = PipelineTemplateGenerator.Generate(Valid with { TrafficSteps = [50] }, "model");

        Assert.That(generation.Succeeded, Is.False);
        Assert.That(generation.Files, Is.Empty);
    }

    [Test]
    public void Enabling_fewer_adapters_emits_only_their_inputs_and_steps()
    {
        var files = PipelineTemplateGenerator.Generate(Valid with { Adapters = [TrafficAdapterKind.Script] }, "model").Files;

        foreach (var file in files)
        {
            Assert.That(file.Content, Does.Not.Contain("kubectl").And.Not.Contain("az webapp"), file.RelativePath);
        }

        Assert.That(files.Single(file => file.RelativePath == ".github/workflows/guardrails-canary.yml").Content, Does.Contain("route-command:"));
    }
}
