using System.Collections.Generic;
using Guardrails.Slo.Prometheus;

namespace Guardrails.Slo;

/// <summary>What <see cref="SloValidator"/> checks beyond the file formats themselves.</summary>
public sealed record SloValidationOptions
{
    /// <summary>The largest file read; SLO files are a few kilobytes, so anything bigger is a mistake.</summary>
    public const int DefaultMaxFileBytes = 1024 * 1024;

    /// <summary>
    /// Only what <c>oslo validate</c> and <c>sloth validate</c> check: no cross-file references,
    /// no team policy, no runbook requirements.
    /// </summary>
    public bool SpecOnly { get; init; }

    /// <summary>The categories every service needs at least one SLO of (team policy).</summary>
    public IReadOnlyList<SloCategory> RequiredCategories { get; init; } = [SloCategory.Availability, SloCategory.Latency];

    /// <summary>When set, findings name files relative to this directory (the repository or project root).</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>Files larger than this are reported (GR3003) and not parsed, which bounds time and memory.</summary>
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;
}
