using System;
using System.Collections.Generic;
using System.Globalization;
using Guardrails.Gate.PromQl;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// What makes a gate option's value valid, defined once: the gate checks its options with it before it runs,
/// and the pipeline templates check their gate defaults with it before they are emitted. Every problem names
/// the option as the CLI spells it.
/// </summary>
public static class GateOptionChecks
{
    /// <summary>Every problem of the option values (durations, numbers, policy, selector, schedule), all at once.</summary>
    public static IReadOnlyList<GateProblem> Check(GateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<GateProblem>();
        _ = Read(options, problems);
        return problems;
    }

    /// <summary>The one duration syntax of the gate: a positive Prometheus duration such as 200ms, 30s, 5m or 1h30m.</summary>
    public static bool TryParseDuration(string? text, out PrometheusDuration duration) => PrometheusDuration.TryParse(text, out duration);

    /// <summary>The parsed values, or null where <paramref name="problems"/> says why not.</summary>
    internal static CheckedGateOptions Read(GateOptions options, List<GateProblem> problems)
    {
        var window = Duration(options.Window, GateOptionNames.Window, problems);
        var interval = Duration(options.Interval, GateOptionNames.Interval, problems);
        var queryTimeout = Duration(options.QueryTimeout, GateOptionNames.QueryTimeout, problems);
        var retryDelay = Duration(options.RetryDelay, GateOptionNames.RetryDelay, problems);
        var deadline = Duration(options.Deadline, GateOptionNames.Deadline, problems);
        NoDataPolicy? policy = null;
        if (NoDataPolicies.TryParse(options.OnNoData, out var parsedPolicy))
        {
            policy = parsedPolicy;
        }
        else
        {
            problems.Add(new GateProblem(GateRules.InvalidOption, $"{GateOptionNames.OnNoData} '{options.OnNoData}' is not one of {string.Join(", ", NoDataPolicies.Names)}."));
        }

        CheckNumbers(options, problems);
        var selector = Selector(options.Selector, problems);
        if (interval is not null && deadline is not null && options.Samples >= 1 && interval.Value * (options.Samples - 1) >= deadline.Value)
        {
            problems.Add(new GateProblem(GateRules.ScheduleExceedsDeadline, Format(
                $"{GateOptionNames.Samples} {options.Samples} every {GateOptionNames.Interval} {interval} need {PrometheusDuration.Format(interval.Value * (options.Samples - 1))} after the first read, which does not fit in {GateOptionNames.Deadline} {deadline}. Raise {GateOptionNames.Deadline} or lower {GateOptionNames.Samples} or {GateOptionNames.Interval}.")));
        }

        return new CheckedGateOptions(window, interval, queryTimeout, retryDelay, deadline, policy, selector);
    }

    private static PrometheusDuration? Duration(string text, string option, List<GateProblem> problems)
    {
        if (TryParseDuration(text, out var duration))
        {
            return duration;
        }

        problems.Add(new GateProblem(GateRules.InvalidOption, $"{option} '{text}' is not a positive Prometheus duration such as 200ms, 30s, 5m or 1h30m."));
        return null;
    }

    private static void CheckNumbers(GateOptions options, List<GateProblem> problems)
    {
        void Require(bool condition, FormattableString message)
        {
            if (!condition)
            {
                problems.Add(new GateProblem(GateRules.InvalidOption, Format(message)));
            }
        }

        Require(options.Samples >= 1, $"{GateOptionNames.Samples} {options.Samples} must be at least 1.");
        Require(options.FailureLimit >= 0, $"{GateOptionNames.FailureLimit} {options.FailureLimit} must be 0 or more.");
        Require(options.ErrorLimit >= 0, $"{GateOptionNames.ErrorLimit} {options.ErrorLimit} must be 0 or more.");
        Require(options.InconclusiveLimit >= 0, $"{GateOptionNames.InconclusiveLimit} {options.InconclusiveLimit} must be 0 or more.");
        Require(options.QueryRetries is >= 0 and <= 10, $"{GateOptionNames.QueryRetries} {options.QueryRetries} must be between 0 and 10.");
        Require(double.IsFinite(options.MaxBurnRate) && options.MaxBurnRate > 0, $"{GateOptionNames.MaxBurnRate} {options.MaxBurnRate} must be a positive number (1 spends the budget exactly over the SLO window).");
        Require(double.IsFinite(options.MinRps) && options.MinRps >= 0, $"{GateOptionNames.MinRps} {options.MinRps} must be 0 or more.");
    }

    private static LabelSelector? Selector(string text, List<GateProblem> problems)
    {
        try
        {
            return LabelSelector.Parse(text);
        }
        catch (PromQlSyntaxException exception)
        {
            problems.Add(new GateProblem(GateRules.InvalidSelector, $"{GateOptionNames.Selector} '{text}': {exception.Message}. Write PromQL matchers such as track=\"canary\" or track=\"canary\",app=\"checkout\"."));
            return null;
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
