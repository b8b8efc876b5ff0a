using System.Collections.Immutable;

namespace Guardrails.RealWorldCorpus;

/// <summary>What the analyzers did at one labelled site, and the Guardrails diagnostics that landed on it.</summary>
internal sealed record SiteVerdict(CorpusLabel Label, ImmutableArray<string> FiredRules, bool Correct)
{
    public string Outcome => (Label.ExpectsReport, Correct) switch
    {
        (true, true) => "found",
        (true, false) => "missed",
        (false, true) => "quiet",
        (false, false) => "false alarm",
    };
}
