using System;
using System.Collections.Generic;
using Guardrails.Gate;

namespace Guardrails.Pipelines.Model;

/// <summary>
/// The canary release both CI systems run: plan → deploy the canary (no traffic) → for each traffic step:
/// route, bake, gate → promote; on any failure or cancellation: roll back (idempotent) → record the outcome.
/// The values here become the defaults of the emitted inputs; teams override them per call.
/// </summary>
public sealed record CanaryPipeline
{
    public static IReadOnlyList<int> DefaultTrafficSteps { get; } = [10, 25, 50, 100];

    /// <summary>The release version (MinVer), stamped in every file and used to install the same CLI.</summary>
    public required string Version { get; init; }

    public IReadOnlyList<int> TrafficSteps { get; init; } = DefaultTrafficSteps;

    /// <summary>
    /// How long traffic stays at a step before the gate starts; none by default, because the gate's own warm-up
    /// (one window by default) already waits until the window holds only this step's traffic.
    /// </summary>
    public TimeSpan BakeTime { get; init; } = TimeSpan.Zero;

    /// <summary>The gate after each traffic step: the gate's own options and defaults (Guardrails.Gate).</summary>
    public GateOptions Gate { get; init; } = GateOptions.Default;

    public IReadOnlyList<TrafficAdapterKind> Adapters { get; init; } =
        [TrafficAdapterKind.Nginx, TrafficAdapterKind.AzureAppService, TrafficAdapterKind.Script];

    /// <summary>Where the released templates live; the workflow checks the gate action out from there.</summary>
    public string TemplatesRepository { get; init; } = "guardrails-dotnet/guardrails-templates";

    /// <summary>The .NET SDK the gate's runner installs to run the Guardrails CLI tool.</summary>
    public string DotnetSdkVersion { get; init; } = "8.0.x";

    public int DeployTimeoutMinutes { get; init; } = 30;

    /// <summary>The git tag of this release, which consumers reference (<c>refs/tags/vX.Y.Z</c>).</summary>
    public string Tag => "v" + Version;

    /// <summary>
    /// A prerelease version (0.0.0-* from an untagged commit, or MinVer's 1.2.4-alpha.0.3 after a tag): no templates
    /// tag and no Guardrails.Cli package of that version exist publicly, so the emitted files default to neither and
    /// the caller names both (guardrails-version, templates-ref), with guardrails-source for a local build.
    /// </summary>
    public bool IsDevelopmentBuild => Version.Split('+')[0].Contains('-', StringComparison.Ordinal);
}
