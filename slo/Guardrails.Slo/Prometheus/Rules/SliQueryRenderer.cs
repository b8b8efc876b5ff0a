using System;
using System.Text.RegularExpressions;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>
/// Puts a window into an SLI query's <c>{{.window}}</c> placeholder, as Sloth's Go template does. The one
/// renderer of SLI queries: the rule generator and the canary gate both call it, so a query that renders
/// for one renders the same for the other.
/// </summary>
public static class SliQueryRenderer
{
    // Go templates accept spaces inside the action ({{ .window }} is the same placeholder) and trim markers:
    // "{{- " and " -}}" also remove the white space before and after the action.
    private static readonly Regex WindowPlaceholder = new(
        @"(?:\s*\{\{-\s|\{\{)\s*\.window\s*(?:\s-\}\}\s*|\}\})",
        RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>Whether <paramref name="query"/> has a window placeholder this renderer fills, in any spelling Go templates accept.</summary>
    public static bool HasWindow(string query) => WindowPlaceholder.IsMatch(query);

    /// <summary><paramref name="query"/> with every window placeholder replaced by <paramref name="window"/> (e.g. <c>5m</c>).</summary>
    public static string WithWindow(string query, string window)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        return WindowPlaceholder.Replace(query, _ => window);
    }

    /// <summary>The error-ratio expression for <paramref name="window"/>, shaped exactly as Sloth shapes it.</summary>
    public static string ErrorRatio(SliQuery sli, TimeSpan window)
    {
        var template = sli switch
        {
            SliQuery.Events events => "(" + events.ErrorQuery + ")\n/\n(" + events.TotalQuery + ")\n",
            SliQuery.Raw raw => "(" + raw.ErrorRatioQuery + ")",
            _ => throw new ArgumentOutOfRangeException(nameof(sli), sli, "Unknown kind of SLI query."),
        };
        return WithWindow(template, PrometheusDuration.Format(window));
    }
}
