using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo;
using Guardrails.Slo.Files;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Gate;

/// <summary>
/// Reads the SLO files with the same validator as the build and picks the SLO(s) the gate measures.
/// The team policy (an availability and a latency SLO per service, runbooks) is the build's business, not
/// the gate's, so the files are read as their own formats define them; format errors stop the gate, since
/// a wrong model gives a wrong decision.
/// </summary>
public static class SloSelection
{
    /// <summary>
    /// The SLO files under <paramref name="paths"/> (default <see cref="GateDefaults.SloPath"/>), found by the same
    /// search as <c>validate</c> and <c>rules</c>: a folder's YAML files, skipping hidden folders, bin, obj and
    /// node_modules, whose copies are build output rather than the team's SLOs.
    /// </summary>
    public static IReadOnlyList<string> ExpandPaths(IReadOnlyList<string> paths, List<GateProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var searched = paths is { Count: > 0 } ? paths : [GateDefaults.SloPath];
        var found = InputFileSearch.Find(searched, out var missing);
        foreach (var path in missing)
        {
            problems.Add(new GateProblem(GateRules.SloFilesUnusable, $"{GateOptionNames.Slo} '{path}' is neither a file nor a directory. Pass the service's SLO file, e.g. {GateOptionNames.Slo} slo/checkout.yaml."));
        }

        var files = found.Where(file => file.WasNamed || file.IsYaml).Select(file => file.Path).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0 && missing.Count == 0)
        {
            problems.Add(new GateProblem(GateRules.SloFilesUnusable, $"No *.yaml or *.yml SLO file under {string.Join(", ", searched)} (hidden folders, bin, obj and node_modules are not searched). Pass the service's SLO file with {GateOptionNames.Slo}."));
        }

        return files;
    }

    public static IReadOnlyList<PrometheusSlo> Load(IReadOnlyList<string> files, List<GateProblem> problems, List<Finding> findings)
    {
        var result = SloValidator.Validate(files, new SloValidationOptions { SpecOnly = true });
        var errors = result.Findings.Where(finding => finding.Severity == Severity.Error).ToList();
        findings.AddRange(result.Findings);
        if (errors.Count > 0)
        {
            problems.Add(new GateProblem(
                GateRules.SloFilesUnusable,
                $"The SLO files have {errors.Count} error(s) (listed above); the gate will not measure a canary against a model it cannot trust. Fix them; `guardrails validate` shows the same findings.",
                errors[0].Location));
        }

        return result.Slos;
    }

    /// <summary>The SLO called <paramref name="name"/> (its name, or its service-name id), or the default one when no name is given.</summary>
    public static PrometheusSlo? Pick(IReadOnlyList<PrometheusSlo> slos, string? name, string option, IReadOnlyList<string> files, List<GateProblem> problems)
    {
        var where = files.Count > 0 ? SourceSpan.WholeFile(files[0]) : null;
        var available = slos.Count == 0 ? "none" : string.Join(", ", slos.Select(slo => slo.Id));
        if (name is null)
        {
            var availability = slos.Where(slo => slo.Category == SloCategory.Availability).ToList();
            var fallback = slos.Count == 1 ? slos[0] : availability.Count == 1 ? availability[0] : null;
            if (fallback is null)
            {
                problems.Add(new GateProblem(GateRules.SloNotFound, $"Choose the SLO to gate on with {option}; the files define: {available}.", where));
            }

            return fallback;
        }

        var matches = slos.Where(slo => slo.Id == name).ToList();
        if (matches.Count == 0)
        {
            matches = slos.Where(slo => slo.Name == name).ToList();
        }

        switch (matches.Count)
        {
            case 1:
                return matches[0];
            case 0:
                problems.Add(new GateProblem(GateRules.SloNotFound, $"{option} '{name}' is not an SLO in {string.Join(", ", files)}; the files define: {available}.", where));
                return null;
            default:
                problems.Add(new GateProblem(GateRules.SloNotFound, $"{option} '{name}' names an SLO of several services; use the service-name id, one of: {string.Join(", ", matches.Select(slo => slo.Id))}.", matches[1].Source ?? where));
                return null;
        }
    }
}
