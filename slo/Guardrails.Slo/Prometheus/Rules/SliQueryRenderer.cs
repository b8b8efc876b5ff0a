using System;
using System.Text.RegularExpressions;

namespace Guardrails.Slo.Prometheus.Rules;

/// <summary>Puts a window into an SLI query's <c>{{.window}}</c> placeholder, as Sloth's Go template does.</summary>
internal static class SliQueryRenderer
{
    // Go templates accept spaces inside the action: {{ .window }} is the same placeholder.
    private static readonly Regex WindowPlaceholder = new(@"\{\{\s*\.window\s*\}\}", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The error-ratio expression for <paramref name="window"/>, shaped exactly as Sloth shapes it.</summary>
    public static string ErrorRatio(SliQuery sli, TimeSpan window)
    {
        var template = sli switch
        {
            SliQuery.Events events => "(" + events.ErrorQuery + ")\n/\n(" + events.TotalQuery + ")\n",
            SliQuery.Raw raw => "(" + raw.ErrorRatioQuery + ")",
            _ => throw new ArgumentOutOfRangeException(nameof(sli), sli, "Unknown kind of SLI query."),
        };
        var duration = PrometheusDuration.Format(window);
        return WindowPlaceholder.Replace(template, duration);
    }
}
