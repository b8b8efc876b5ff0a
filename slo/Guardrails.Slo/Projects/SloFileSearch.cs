using System;
using Guardrails.Slo.Files;

namespace Guardrails.Slo.Projects;

/// <summary>
/// Where a host (the build, <c>guardrails validate</c>) looked for a project's SLO files, in its own words, so that
/// finding none (<see cref="SloRules.NoSloFiles"/>) says where it looked and how to point it elsewhere.
/// </summary>
public sealed record SloFileSearch
{
    /// <summary>The file the finding is reported against: the project file in a build, the searched folder on the command line.</summary>
    public required string ReportAt { get; init; }

    /// <summary>The folder the search is relative to (the project folder, the validated folder); the search for SLO
    /// files elsewhere starts here and shows what it finds relative to it.</summary>
    public required string BaseDirectory { get; init; }

    /// <summary>What was searched, e.g. "looked for slo/**/*.yaml and slo/**/*.yml under the project folder '/src/Orders'".</summary>
    public required string Searched { get; init; }

    /// <summary>How to name SLO files in another place, e.g. the MSBuild property and item.</summary>
    public required string HowToPointElsewhere { get; init; }

    /// <summary>How to say that the project has no SLOs on purpose.</summary>
    public required string HowToOptOut { get; init; }

    /// <summary>What to write to use SLO files found elsewhere, given them and their path relative to <see cref="BaseDirectory"/>.</summary>
    public required Func<SloLookalike, string, string> HowToUse { get; init; }
}
