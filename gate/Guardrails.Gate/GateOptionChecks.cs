using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
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
        var warmUp = WarmUp(options.WarmUp, window, problems);
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
        CheckVersionLabel(options.VersionLabel, problems);
        if (interval is not null && deadline is not null && warmUp is not null && options.Samples >= 1 && warmUp.Value + (interval.Value * (options.Samples - 1)) >= deadline.Value)
        {
            var needed = warmUp.Value + (interval.Value * (options.Samples - 1));
            problems.Add(new GateProblem(GateRules.ScheduleExceedsDeadline, Format(
                $"{GateOptionNames.WarmUp} {PrometheusDuration.Format(warmUp.Value)} then {GateOptionNames.Samples} {options.Samples} every {GateOptionNames.Interval} {interval} need {PrometheusDuration.Format(needed)} until the last read, which does not fit in {GateOptionNames.Deadline} {deadline}. Raise {GateOptionNames.Deadline} or lower {GateOptionNames.WarmUp}, {GateOptionNames.Samples} or {GateOptionNames.Interval}.")));
        }

        return new CheckedGateOptions(window, interval, queryTimeout, retryDelay, deadline, warmUp, policy, selector);
    }

    /// <summary>
    /// The wait before the first read: <see cref="GateDefaults.WarmUpWindow"/> is the window itself (so the first read's
    /// window lies wholly after the gate started), 0 is none, anything else a duration.
    /// </summary>
    private static TimeSpan? WarmUp(string text, PrometheusDuration? window, List<GateProblem> problems)
    {
        if (TryParseWarmUp(text, window?.Value ?? TimeSpan.Zero, out var warmUp))
        {
            // "window" with an invalid --window has no length; that window's own problem is reported.
            return window is null && string.Equals(text, GateDefaults.WarmUpWindow, StringComparison.Ordinal) ? null : warmUp;
        }

        problems.Add(new GateProblem(GateRules.InvalidOption, $"{GateOptionNames.WarmUp} '{text}' is not '{GateDefaults.WarmUpWindow}' (as long as {GateOptionNames.Window}), 0, or a positive Prometheus duration such as 30s or 5m."));
        return null;
    }

    /// <summary>The warm-up <paramref name="text"/> stands for with a window of <paramref name="window"/>: the window, none, or a duration.</summary>
    public static bool TryParseWarmUp(string? text, TimeSpan window, out TimeSpan warmUp)
    {
        warmUp = TimeSpan.Zero;
        if (string.Equals(text, GateDefaults.WarmUpWindow, StringComparison.Ordinal))
        {
            warmUp = window;
            return true;
        }

        if (text == "0")
        {
            return true;
        }

        if (TryParseDuration(text, out var duration))
        {
            warmUp = duration.Value;
            return true;
        }

        return false;
    }

    private static void CheckVersionLabel(string? label, List<GateProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(label) && !IsLabelName(label))
        {
            problems.Add(new GateProblem(GateRules.InvalidOption, $"{GateOptionNames.VersionLabel} '{label}' is not a Prometheus label name (letters, digits and _, not starting with a digit); give an empty value to select by {GateOptionNames.Selector} alone."));
        }
    }

    private static bool IsLabelName(string text) =>
        (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(character => char.IsAsciiLetterOrDigit(character) || character == '_');

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
        Require(options.MinRequests >= 0, $"{GateOptionNames.MinRequests} {options.MinRequests} must be 0 or more.");
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
