using System.Collections.Generic;
using Guardrails.Slo.Reading;

namespace Guardrails.Slo.Sloth;

/// <summary>What the Sloth readers share while reading the project's files, as <c>OpenSloReading</c> does for OpenSLO.</summary>
internal sealed class SlothReading
{
    public SlothReading(FindingCollector findings, bool specOnly)
    {
        Findings = findings;
        SpecOnly = specOnly;
    }

    public FindingCollector Findings { get; }

    /// <summary>Only what <c>sloth validate</c> checks: no policy findings while reading.</summary>
    public bool SpecOnly { get; }

    /// <summary>Every SLO read, sound or not, in file order.</summary>
    public List<SlothSloDefinition> Slos { get; } = [];

    public List<RunbookReference> RunbookReferences { get; } = [];
}
