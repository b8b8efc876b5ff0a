namespace Guardrails.Gate;

/// <summary>
/// The default of every gate option, defined once: the CLI's <c>gate</c> options, the pipeline templates'
/// gate inputs and docs/gate.md all take them from here (tests hold the documents to them). Constants, so
/// the CLI's option attributes can name them.
/// </summary>
public static class GateDefaults
{
    /// <summary>The folder searched for SLO files when no <c>--slo</c> is given.</summary>
    public const string SloPath = "slo";

    public const string Prometheus = "http://localhost:9090";

    public const string Selector = "track=\"canary\"";

    /// <summary>The short window each read measures: Google's SRE workbook pairs 5m with a 14.4 burn rate.</summary>
    public const string Window = "5m";

    /// <summary>14.4: the budget of a 30-day SLO spent 2 % in one hour, the workbook's page threshold.</summary>
    public const double MaxBurnRate = 14.4;

    public const string Interval = "30s";

    public const int Samples = 10;

    /// <summary>0: one bad read rolls back (Argo Rollouts' failureLimit default is 0 too).</summary>
    public const int FailureLimit = 0;

    public const int ErrorLimit = 4;

    public const int InconclusiveLimit = 0;

    public const double MinRps = 1;

    /// <summary>Fail closed: a canary nobody can see is not promoted.</summary>
    public const string OnNoData = NoDataPolicies.Fail;

    public const string QueryTimeout = "10s";

    public const int QueryRetries = 2;

    public const string RetryDelay = "1s";

    public const string Deadline = "10m";
}
