namespace Guardrails.Pipelines.Model;

/// <summary>
/// Defaults for the burn-rate gate after each traffic step, in the units of <c>guardrails gate</c>'s options
/// (Argo Rollouts' analysis semantics: <see cref="Samples"/> reads every <see cref="Interval"/>).
/// </summary>
public sealed record GateSettings
{
    public static GateSettings Default { get; } = new();

    /// <summary>Short window over which the canary's error ratio is measured.</summary>
    public string Window { get; init; } = "5m";

    public double MaxBurnRate { get; init; } = 14.4;

    public string Interval { get; init; } = "30s";

    public int Samples { get; init; } = 10;

    public int FailureLimit { get; init; } = 1;

    public int ErrorLimit { get; init; } = 4;

    /// <summary>Minimum requests per second before a read counts, so a handful of requests cannot decide.</summary>
    public double MinRps { get; init; } = 1;

    public NoDataPolicy OnNoData { get; init; } = NoDataPolicy.Fail;

    public string Selector { get; init; } = "track=\"canary\"";
}
