using System;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Guardrails.Cli.Commands.Flags;
using Guardrails.Gate.KillSwitch;
using Spectre.Console.Cli;

namespace Guardrails.Gate.Tests;

/// <summary>
/// `guardrails flags off` and the templates' kill-switch step share one definition of its option names and
/// defaults (Guardrails.Gate.KillSwitch); the CLI's options are held to it here, the step in Guardrails.Pipelines.Tests.
/// </summary>
public sealed class FlagsOffContractTests
{
    private static (string Name, object? Default)[] CliOptions => [.. typeof(FlagsOffSettings).GetProperties()
        .Select(property => (Option: property.GetCustomAttribute<CommandOptionAttribute>(), Default: property.GetCustomAttribute<DefaultValueAttribute>()?.Value))
        .Where(entry => entry.Option is not null)
        .Select(entry => ("--" + entry.Option!.LongNames.Single(), entry.Default))];

    [Test]
    public void The_cli_has_exactly_the_contracts_options()
    {
        var contract = typeof(FlagsOffOptionNames).GetFields(BindingFlags.Public | BindingFlags.Static).Select(field => (string)field.GetValue(null)!);

        Assert.That(CliOptions.Select(option => option.Name), Is.EquivalentTo(contract));
    }

    [Test]
    public void The_cli_defaults_are_the_contracts_defaults()
    {
        var defaults = CliOptions.Where(option => option.Default is not null)
            .ToDictionary(option => option.Name, option => Convert.ToString(option.Default, CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.That(defaults, Is.EquivalentTo(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>(FlagsOffOptionNames.Project, FlagProviders.DefaultProject),
            new System.Collections.Generic.KeyValuePair<string, string?>(FlagsOffOptionNames.Timeout, FlagProviders.DefaultTimeout),
        }));
    }
}
