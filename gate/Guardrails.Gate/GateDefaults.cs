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

    /// <summary>
    /// The traffic floor as requests the canary served over the window (its traffic query, a per-second rate
    /// over the window, times the window's seconds), not as a rate: at the default window of 5m, 10 requests
    /// are 0.033 req/s, so a service of 1 req/s in total clears it at a 10 % step with 30 requests.
    /// </summary>
    public const int MinRequests = 10;

    /// <summary>Fail closed: a canary nobody can see is not promoted.</summary>
    public const string OnNoData = NoDataPolicies.Fail;

    public const string QueryTimeout = "10s";

    public const int QueryRetries = 2;

    public const string RetryDelay = "1s";

    /// <summary>Room for the warm-up (one 5m window) and 10 reads 30s apart (4m30s), with 5m30s to spare for slow queries.</summary>
    public const string Deadline = "15m";

    /// <summary>The word that makes the warm-up as long as <c>--window</c>, so no read measures a window that began before the gate.</summary>
    public const string WarmUpWindow = "window";

    /// <summary>Before the first read the gate waits one window: every read then measures only traffic the canary served during the gate.</summary>
    public const string WarmUp = WarmUpWindow;

    /// <summary>
    /// The label that carries the deployed version on the canary's series: with <c>--service-version</c> given, the gate
    /// adds <c>version="&lt;service version&gt;"</c> to the selector, so a previous canary's series are never read.
    /// </summary>
    public const string VersionLabel = "version";
}
