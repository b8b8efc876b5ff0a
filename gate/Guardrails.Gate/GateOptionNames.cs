namespace Guardrails.Gate;

/// <summary>
/// The long name of every gate option, defined once: the CLI's option attributes, the problems the gate
/// reports and the pipeline templates' inputs (the same name without the dashes) all use these.
/// </summary>
public static class GateOptionNames
{
    public const string Slo = "--slo";
    public const string SloName = "--slo-name";
    public const string LatencySloName = "--latency-slo-name";
    public const string Prometheus = "--prometheus";
    public const string Selector = "--selector";
    public const string Window = "--window";
    public const string MaxBurnRate = "--max-burn-rate";
    public const string Interval = "--interval";
    public const string Samples = "--samples";
    public const string FailureLimit = "--failure-limit";
    public const string ErrorLimit = "--error-limit";
    public const string InconclusiveLimit = "--inconclusive-limit";
    public const string MinRequests = "--min-requests";
    public const string OnNoData = "--on-no-data";
    public const string TrafficQuery = "--traffic-query";
    public const string QueryTimeout = "--query-timeout";
    public const string QueryRetries = "--query-retries";
    public const string RetryDelay = "--retry-delay";
    public const string Deadline = "--deadline";
    public const string WarmUp = "--warm-up";
    public const string BearerTokenEnv = "--bearer-token-env";
    public const string CaBundle = "--ca-bundle";
    public const string Record = "--record";
    public const string ServiceVersion = "--service-version";
    public const string VersionLabel = "--version-label";
    public const string Step = "--step";
}
