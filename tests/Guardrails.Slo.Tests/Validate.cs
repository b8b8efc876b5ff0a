using System.Linq;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Tests;

/// <summary>Short ways to run the validator on inline YAML in tests.</summary>
internal static class Validate
{
    public static readonly SloValidationOptions SpecOnly = new() { SpecOnly = true };

    public static readonly SloValidationOptions Full = new();

    public static SloValidationResult Text(string yaml, SloValidationOptions? options = null) =>
        SloValidator.ValidateText("slo.yaml", yaml, options ?? SpecOnly);

    /// <summary>The rule IDs found, in order, separated by spaces: easy to compare and to read in a failure.</summary>
    public static string Ids(this SloValidationResult result) => string.Join(" ", result.Findings.Select(finding => finding.Rule.Id));

    public static Finding Single(this SloValidationResult result, Rule rule)
    {
        var matching = result.Findings.Where(finding => finding.Rule == rule).ToArray();
        Assert.That(matching, Has.Length.EqualTo(1), () => "findings:\n" + string.Join("\n", result.Findings));
        return matching[0];
    }

    /// <summary>The only finding; the failure message lists all of them.</summary>
    public static Finding Only(this SloValidationResult result)
    {
        Assert.That(result.Findings, Has.Count.EqualTo(1), () => "findings:\n" + string.Join("\n", result.Findings));
        return result.Findings[0];
    }

    public static (int Line, int Column) At(this Finding finding) => (finding.Location.Line, finding.Location.Column);
}
