using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Diagnostics;
using Guardrails.Gate;
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

        // The gate's own checks: a default the templates emit is one `guardrails gate` accepts.
        findings.AddRange(GateOptionChecks.Check(pipeline.Gate).Select(problem => new Finding(TemplateRules.InvalidGateSetting, at, "Gate default: " + problem.Message)));

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

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}
