using System;
using System.Collections.Generic;
using System.Linq;

namespace Guardrails.Diagnostics;

/// <summary>
/// The team's choice of severity per rule ID, or <c>null</c> to turn the rule off, applied to findings after
/// every check ran, so a rule is configured the same way whichever check reports it.
/// </summary>
public sealed class SeverityOverrides
{
    private readonly Dictionary<string, Severity?> byRuleId;

    public SeverityOverrides(IEnumerable<KeyValuePair<string, Severity?>> overrides)
    {
        byRuleId = new Dictionary<string, Severity?>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in overrides)
        {
            byRuleId[entry.Key.Trim()] = entry.Value;
        }
    }

    public static SeverityOverrides None { get; } = new([]);

    public IReadOnlyList<Finding> Apply(IEnumerable<Finding> findings) =>
        findings
            .Select(finding => byRuleId.TryGetValue(finding.Rule.Id, out var severity)
                ? severity is null ? null : finding with { Severity = severity.Value }
                : finding)
            .Where(finding => finding is not null)
            .Select(finding => finding!)
            .ToList();

    /// <summary>Reads a severity the way MSBuild and .editorconfig users write it: error, warning, info, none.</summary>
    public static bool TryParseSeverity(string text, out Severity? severity)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "ERROR":
                severity = Severity.Error;
                return true;
            case "WARNING":
            case "WARN":
                severity = Severity.Warning;
                return true;
            case "INFO":
            case "SUGGESTION":
            case "MESSAGE":
                severity = Severity.Info;
                return true;
            case "NONE":
            case "OFF":
            case "SILENT":
                severity = null;
                return true;
            default:
                severity = null;
                return false;
        }
    }
}
