using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Diagnostics;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Validation;

/// <summary>
/// Checks a pipeline model before anything is emitted, so a bad default never reaches a release.
/// Findings point at <paramref name="source"/>: the option or file the value came from.
/// </summary>
public static partial class CanaryPipelineValidator
{
    private static readonly TimeSpan LongestBake = TimeSpan.FromHours(6);

    public static IReadOnlyList<Finding> Validate(CanaryPipeline pipeline, string source)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var at = SourceSpan.WholeFile(source);
        var findings = new List<Finding>();

        if (TrafficStepsProblem(pipeline.TrafficSteps) is { } stepsProblem)
        {
            findings.Add(new Finding(TemplateRules.InvalidTrafficSteps, at, stepsProblem));
        }

        if (pipeline.BakeTime < TimeSpan.Zero || pipeline.BakeTime > LongestBake || pipeline.BakeTime.Seconds != 0 || pipeline.BakeTime.Milliseconds != 0)
        {
            findings.Add(new Finding(TemplateRules.InvalidBakeTime, at, $"Bake time {pipeline.BakeTime} is not a whole number of minutes from 0 to 360: use for example 5m."));
        }

        findings.AddRange(GateProblems(pipeline.Gate).Select(problem => new Finding(TemplateRules.InvalidGateSetting, at, problem)));

        if (!SemanticVersion().IsMatch(pipeline.Version))
        {
            findings.Add(new Finding(TemplateRules.InvalidTemplateVersion, at, $"'{pipeline.Version}' is not a semantic version such as 1.2.3 or 1.2.3-beta.1 (no leading 'v')."));
        }

        if (pipeline.Adapters.Count == 0)
        {
            findings.Add(new Finding(TemplateRules.UnknownTrafficAdapter, at, "No traffic adapter is enabled: enable at least one of nginx, azure-app-service, script."));
        }

        return findings;
    }

    /// <summary>Why the steps are unusable, or null when they are fine.</summary>
    public static string? TrafficStepsProblem(IReadOnlyList<int> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var shown = string.Join(",", steps.Select(step => step.ToString(CultureInfo.InvariantCulture)));
        if (steps.Count == 0)
        {
            return "There are no traffic steps: use for example 10,25,50,100.";
        }

        if (steps.Any(step => step is < 1 or > 100))
        {
            return $"Traffic steps '{shown}' must each be a percentage from 1 to 100.";
        }

        if (steps.Zip(steps.Skip(1)).Any(pair => pair.Second <= pair.First))
        {
            return $"Traffic steps '{shown}' must increase strictly, for example 10,25,50,100.";
        }

        return steps[^1] != 100
            ? $"Traffic steps '{shown}' must end at 100 so the gate checks the canary at full traffic before promotion."
            : null;
    }

    private static IEnumerable<string> GateProblems(GateSettings gate)
    {
        if (!GateDuration().IsMatch(gate.Window))
        {
            yield return $"Gate window '{gate.Window}' is not a duration such as 30s, 5m or 1h.";
        }

        if (!GateDuration().IsMatch(gate.Interval))
        {
            yield return $"Gate interval '{gate.Interval}' is not a duration such as 30s, 5m or 1h.";
        }

        if (!(gate.MaxBurnRate > 0) || double.IsInfinity(gate.MaxBurnRate))
        {
            yield return $"Gate max burn rate {gate.MaxBurnRate.ToString(CultureInfo.InvariantCulture)} must be a positive number such as 14.4.";
        }

        if (gate.Samples < 1)
        {
            yield return $"Gate samples {gate.Samples} must be at least 1.";
        }

        if (gate.FailureLimit < 0 || gate.ErrorLimit < 0)
        {
            yield return $"Gate failure limit {gate.FailureLimit} and error limit {gate.ErrorLimit} must not be negative.";
        }

        if (gate.MinRps < 0 || double.IsNaN(gate.MinRps))
        {
            yield return $"Gate minimum requests per second {gate.MinRps.ToString(CultureInfo.InvariantCulture)} must not be negative.";
        }

        if (string.IsNullOrWhiteSpace(gate.Selector))
        {
            yield return "Gate selector is empty: give the label matchers of the canary, such as track=\"canary\".";
        }
    }

    [GeneratedRegex(@"^[1-9][0-9]*(ms|s|m|h)$", RegexOptions.CultureInvariant)]
    private static partial Regex GateDuration();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}
