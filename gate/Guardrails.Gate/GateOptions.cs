using System;
using System.Collections.Generic;
using System.Globalization;

namespace Guardrails.Gate;

/// <summary>
/// The gate's settings as a person or a pipeline writes them (durations and the no-data policy as text, so a
/// mistake is reported with the option's name), with the defaults of <see cref="GateDefaults"/>.
/// <see cref="GateOptionChecks"/> says what is valid; <see cref="GatePlanBuilder"/> turns them into a plan.
/// </summary>
public sealed record GateOptions
{
    public static GateOptions Default { get; } = new();

    /// <summary>SLO files or folders; empty means <see cref="GateDefaults.SloPath"/>.</summary>
    public IReadOnlyList<string> Slo { get; init; } = [];

    public string? SloName { get; init; }

    public string? LatencySloName { get; init; }

    public string Prometheus { get; init; } = GateDefaults.Prometheus;

    public string Selector { get; init; } = GateDefaults.Selector;

    public string Window { get; init; } = GateDefaults.Window;

    public double MaxBurnRate { get; init; } = GateDefaults.MaxBurnRate;

    public string Interval { get; init; } = GateDefaults.Interval;

    public int Samples { get; init; } = GateDefaults.Samples;

    public int FailureLimit { get; init; } = GateDefaults.FailureLimit;

    public int ErrorLimit { get; init; } = GateDefaults.ErrorLimit;

    public int InconclusiveLimit { get; init; } = GateDefaults.InconclusiveLimit;

    public int MinRequests { get; init; } = GateDefaults.MinRequests;

    public string OnNoData { get; init; } = GateDefaults.OnNoData;

    public string? TrafficQuery { get; init; }

    public string QueryTimeout { get; init; } = GateDefaults.QueryTimeout;

    public int QueryRetries { get; init; } = GateDefaults.QueryRetries;

    public string RetryDelay { get; init; } = GateDefaults.RetryDelay;

    public string Deadline { get; init; } = GateDefaults.Deadline;

    /// <summary>A duration, 0 for none, or <see cref="GateDefaults.WarmUpWindow"/> for as long as <see cref="Window"/>.</summary>
    public string WarmUp { get; init; } = GateDefaults.WarmUp;

    public string? BearerTokenEnv { get; init; }

    public string? CaBundle { get; init; }

    public string? Record { get; init; }

    public string? ServiceVersion { get; init; }

    /// <summary>The label selecting <see cref="ServiceVersion"/>'s series; blank selects by <see cref="Selector"/> alone.</summary>
    public string? VersionLabel { get; init; } = GateDefaults.VersionLabel;

    public string? Step { get; init; }

    /// <summary>
    /// The value of <paramref name="option"/> (a <see cref="GateOptionNames"/> name) as it is written on the command
    /// line, or null when the option is not set; for a pipeline template's default or a command line built from these options.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="option"/> is not a gate option with a single value.</exception>
    public string? ValueOf(string option) => option switch
    {
        GateOptionNames.SloName => SloName,
        GateOptionNames.LatencySloName => LatencySloName,
        GateOptionNames.Prometheus => Prometheus,
        GateOptionNames.Selector => Selector,
        GateOptionNames.Window => Window,
        GateOptionNames.MaxBurnRate => Invariant(MaxBurnRate),
        GateOptionNames.Interval => Interval,
        GateOptionNames.Samples => Invariant(Samples),
        GateOptionNames.FailureLimit => Invariant(FailureLimit),
        GateOptionNames.ErrorLimit => Invariant(ErrorLimit),
        GateOptionNames.InconclusiveLimit => Invariant(InconclusiveLimit),
        GateOptionNames.MinRequests => Invariant(MinRequests),
        GateOptionNames.OnNoData => OnNoData,
        GateOptionNames.TrafficQuery => TrafficQuery,
        GateOptionNames.QueryTimeout => QueryTimeout,
        GateOptionNames.QueryRetries => Invariant(QueryRetries),
        GateOptionNames.RetryDelay => RetryDelay,
        GateOptionNames.Deadline => Deadline,
        GateOptionNames.WarmUp => WarmUp,
        GateOptionNames.BearerTokenEnv => BearerTokenEnv,
        GateOptionNames.CaBundle => CaBundle,
        GateOptionNames.Record => Record,
        GateOptionNames.ServiceVersion => ServiceVersion,
        GateOptionNames.VersionLabel => VersionLabel,
        GateOptionNames.Step => Step,
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, "Not a single-valued gate option."),
    };

    private static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
