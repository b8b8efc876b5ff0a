using System.Collections.Generic;
using Guardrails.Diagnostics;
using Guardrails.Slo.Prometheus;
using Guardrails.Slo.Runbooks;

namespace Guardrails.Slo.Projects;

/// <summary>What to check in one project (or repository) and how strictly.</summary>
public sealed record ProjectValidationOptions
{
    /// <summary>The project or repository folder: repository-relative runbook links start here, and finding
    /// paths are shown relative to it when <see cref="RelativePaths"/> is set.</summary>
    public required string RootDirectory { get; init; }

    public IReadOnlyList<string> SloFiles { get; init; } = [];

    public IReadOnlyList<string> RunbookFiles { get; init; } = [];

    public bool CheckSlos { get; init; } = true;

    public bool CheckRunbooks { get; init; } = true;

    /// <summary>Where the host looked for <see cref="SloFiles"/>. When set, SLO checks are on, and no SLO file
    /// was found, the project gets a <see cref="SloRules.NoSloFiles"/> finding saying where it looked.</summary>
    public SloFileSearch? SloSearch { get; init; }

    /// <summary>Only the file formats (what <c>oslo validate</c> and <c>sloth validate</c> check):
    /// no team policy, no runbooks.</summary>
    public bool SpecOnly { get; init; }

    public IReadOnlyList<SloCategory> RequiredCategories { get; init; } = [SloCategory.Availability, SloCategory.Latency];

    public RunbookOptions Runbooks { get; init; } = new();

    public SeverityOverrides Severities { get; init; } = SeverityOverrides.None;

    /// <summary>Show finding paths relative to <see cref="RootDirectory"/> (the CLI); MSBuild wants full paths.</summary>
    public bool RelativePaths { get; init; }
}
