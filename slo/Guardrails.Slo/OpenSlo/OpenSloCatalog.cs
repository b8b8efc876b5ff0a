using System;
using System.Collections.Generic;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.OpenSlo;

/// <summary>
/// Every OpenSLO object declared in the project's files, and every reference between them, so that
/// references are resolved across files once all files are read.
/// </summary>
internal sealed class OpenSloCatalog
{
    private readonly Dictionary<(OpenSloKind Kind, string Name), TextValue> declared = [];
    private readonly Dictionary<string, SliSpec> slis = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> dataSourceTypes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AlertPolicySummary> alertPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> conditionSeverities = new(StringComparer.Ordinal);

    public List<OpenSloReference> References { get; } = [];

    public List<SloDefinition> Slos { get; } = [];

    public List<TextValue> Services { get; } = [];

    /// <returns>The earlier declaration when the name is already taken for this kind.</returns>
    public TextValue? Declare(OpenSloKind kind, TextValue name)
    {
        if (declared.TryGetValue((kind, name.Value), out var earlier))
        {
            return earlier;
        }

        declared[(kind, name.Value)] = name;
        if (kind == OpenSloKind.Service)
        {
            Services.Add(name);
        }

        return null;
    }

    public bool IsDeclared(OpenSloKind kind, string name) => declared.ContainsKey((kind, name));

    public IEnumerable<string> NamesOf(OpenSloKind kind)
    {
        foreach (var key in declared.Keys)
        {
            if (key.Kind == kind)
            {
                yield return key.Name;
            }
        }
    }

    public void AddSli(string name, SliSpec spec) => slis[name] = spec;

    public SliSpec? FindSli(string name) => slis.TryGetValue(name, out var spec) ? spec : null;

    public void AddDataSource(string name, string? type) => dataSourceTypes[name] = type;

    public string? FindDataSourceType(string name) => dataSourceTypes.TryGetValue(name, out var type) ? type : null;

    public void AddAlertPolicy(AlertPolicySummary policy) => alertPolicies[policy.Name] = policy;

    public AlertPolicySummary? FindAlertPolicy(string name) => alertPolicies.TryGetValue(name, out var policy) ? policy : null;

    public void AddConditionSeverity(string name, string? severity) => conditionSeverities[name] = severity;

    public string? FindConditionSeverity(string name) => conditionSeverities.TryGetValue(name, out var severity) ? severity : null;
}
