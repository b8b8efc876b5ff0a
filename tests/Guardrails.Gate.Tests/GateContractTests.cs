using System;
using System.ComponentModel;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using Guardrails.Cli.Commands.Gate;
using Guardrails.Testing;
using Spectre.Console.Cli;

namespace Guardrails.Gate.Tests;

/// <summary>
/// The gate's contract is defined once in Guardrails.Gate; the CLI's options and docs/gate.md are held to it.
/// (The pipeline templates are held to it in Guardrails.Pipelines.Tests.)
/// </summary>
public sealed class GateContractTests
{
    private static readonly string[] ContractOptions = [.. typeof(GateOptionNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (string)field.GetValue(null)!)];

    private static (string Name, object? Default)[] CliOptions => [.. typeof(GateCommandSettings).GetProperties()
        .Select(property => (Option: property.GetCustomAttribute<CommandOptionAttribute>(), Default: property.GetCustomAttribute<DefaultValueAttribute>()?.Value))
        .Where(entry => entry.Option is not null)
        .Select(entry => ("--" + entry.Option!.LongNames.Single(), entry.Default))];

    [Test]
    public void The_cli_has_exactly_the_contracts_options()
    {
        Assert.That(CliOptions.Select(option => option.Name), Is.EquivalentTo(ContractOptions));
    }

    [Test]
    public void Every_cli_default_is_the_contracts_default()
    {
        Assert.Multiple(() =>
        {
            foreach (var (name, value) in CliOptions.Where(option => option.Default is not null))
            {
                Assert.That(Convert.ToString(value, CultureInfo.InvariantCulture), Is.EqualTo(GateOptions.Default.ValueOf(name)), name);
            }
        });
    }

    [Test]
    public void The_cli_settings_hand_over_every_value()
    {
        var settings = new GateCommandSettings
        {
            Slo = ["a.yaml"], SloName = "n", LatencySloName = "l", Prometheus = "http://p:9090", Selector = "t=\"c\"", Window = "1h30m",
            MaxBurnRate = 2.5, Interval = "1m30s", Samples = 7, FailureLimit = 1, ErrorLimit = 3, InconclusiveLimit = 2, MinRequests = 25,
            OnNoData = "pass", TrafficQuery = "q", QueryTimeout = "3s", QueryRetries = 4, RetryDelay = "2s", Deadline = "1h", WarmUp = "2m",
            BearerTokenEnv = "T", CaBundle = "ca.pem", Record = "r.json", ServiceVersion = "1.0.0", VersionLabel = "app_version", Step = "25%",
        };

        var options = settings.ToOptions();

        Assert.Multiple(() =>
        {
            foreach (var option in ContractOptions.Where(option => option != GateOptionNames.Slo))
            {
                var property = typeof(GateCommandSettings).GetProperties().Single(p => p.GetCustomAttribute<CommandOptionAttribute>()?.LongNames.Single() == option.TrimStart('-'));
                Assert.That(options.ValueOf(option), Is.EqualTo(Convert.ToString(property.GetValue(settings), CultureInfo.InvariantCulture)), option);
            }

            Assert.That(options.Slo, Is.EqualTo(settings.Slo));
        });
    }

    [Test]
    public void The_defaults_pass_the_gates_own_checks() =>
        Assert.That(GateOptionChecks.Check(GateOptions.Default), Is.Empty);

    [TestCase("1h30m")]
    [TestCase("90s")]
    [TestCase("1m30s")]
    [TestCase("500ms")]
    public void Every_duration_option_accepts_prometheus_durations(string duration)
    {
        var options = GateOptions.Default with { Window = duration, Interval = duration, QueryTimeout = duration, RetryDelay = duration, Deadline = "1d", Samples = 2 };

        Assert.That(GateOptionChecks.Check(options), Is.Empty);
    }

    [Test]
    public void The_guide_gives_every_options_default_from_the_contract()
    {
        var guide = File.ReadAllLines(RepositoryLayout.PathOf("docs", "gate.md"));
        Assert.Multiple(() =>
        {
            foreach (var option in ContractOptions.Where(option => option == GateOptionNames.Slo || GateOptions.Default.ValueOf(option) is not null))
            {
                var row = guide.Single(line => line.StartsWith($"| `{option} ", StringComparison.Ordinal));
                var documented = row.Split('|')[2].Trim();
                var expected = option == GateOptionNames.Slo ? GateDefaults.SloPath : GateOptions.Default.ValueOf(option);
                Assert.That(documented, Is.EqualTo($"`{expected}`"), option);
            }
        });
    }

    [Test]
    public void The_guide_lists_the_contracts_exit_codes_and_no_data_policies()
    {
        var guide = File.ReadAllText(RepositoryLayout.PathOf("docs", "gate.md"));
        Assert.Multiple(() =>
        {
            foreach (var (code, _) in GateExitCodes.Decisions)
            {
                Assert.That(guide, Does.Match($@"(?m)^\| {code} \|"), $"exit code {code} has a row");
            }

            Assert.That(guide, Does.Contain(string.Join(", ", NoDataPolicies.Names.Take(2).Select(name => $"`{name}`")) + $" or `{NoDataPolicies.Names[2]}`"));
        });
    }

    [Test]
    public void The_verdicts_exit_with_the_contracts_codes()
    {
        Assert.Multiple(() =>
        {
            Assert.That((int)GateVerdict.Promote, Is.EqualTo(GateExitCodes.Promote));
            Assert.That((int)GateVerdict.RollBack, Is.EqualTo(GateExitCodes.RollBack));
            Assert.That((int)GateVerdict.Inconclusive, Is.EqualTo(GateExitCodes.Inconclusive));
        });
    }
}
