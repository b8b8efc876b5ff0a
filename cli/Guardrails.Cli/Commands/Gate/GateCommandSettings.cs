using System.ComponentModel;
using Guardrails.Gate;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>
/// The options of <c>guardrails gate</c> as typed on the command line: names and defaults come from the gate's
/// contract (<see cref="GateOptionNames"/>, <see cref="GateDefaults"/>), the values go to <see cref="GateOptions"/>.
/// Durations stay text here so a mistake is reported as GR5205 with the option's name rather than as a
/// conversion failure. docs/gate.md documents each one; a test keeps the two in step.
/// </summary>
internal class GateCommandSettings : CommandSettings
{
    [CommandOption(GateOptionNames.Slo + " <PATH>")]
    [Description("SLO file or directory (OpenSLO v1 or Sloth prometheus/v1); repeat for several. Default: the slo directory (hidden folders, bin, obj and node_modules are skipped).")]
    public string[] Slo { get; set; } = [];

    [CommandOption(GateOptionNames.SloName + " <NAME>")]
    [Description("The SLO to gate on, by name or service-name id. Default: the only SLO, or the only availability SLO.")]
    public string? SloName { get; set; }

    [CommandOption(GateOptionNames.LatencySloName + " <NAME>")]
    [Description("A second SLO, usually latency, checked at every read with the same limits. Default: none.")]
    public string? LatencySloName { get; set; }

    [CommandOption(GateOptionNames.Prometheus + " <URL>")]
    [Description("Prometheus base URL.")]
    [DefaultValue(GateDefaults.Prometheus)]
    public string Prometheus { get; set; } = GateDefaults.Prometheus;

    [CommandOption(GateOptionNames.Selector + " <MATCHERS>")]
    [Description("Label matchers that select the canary, added to every vector selector of the SLI queries.")]
    [DefaultValue(GateDefaults.Selector)]
    public string Selector { get; set; } = GateDefaults.Selector;

    [CommandOption(GateOptionNames.Window + " <DURATION>")]
    [Description("Range the error ratio is measured over, replacing {{.window}}.")]
    [DefaultValue(GateDefaults.Window)]
    public string Window { get; set; } = GateDefaults.Window;

    [CommandOption(GateOptionNames.MaxBurnRate + " <RATE>")]
    [Description("A read is bad when a burn rate is over this.")]
    [DefaultValue(GateDefaults.MaxBurnRate)]
    public double MaxBurnRate { get; set; } = GateDefaults.MaxBurnRate;

    [CommandOption(GateOptionNames.Interval + " <DURATION>")]
    [Description("Time between reads.")]
    [DefaultValue(GateDefaults.Interval)]
    public string Interval { get; set; } = GateDefaults.Interval;

    [CommandOption(GateOptionNames.Samples + " <COUNT>")]
    [Description("Number of reads before promotion (Argo's count).")]
    [DefaultValue(GateDefaults.Samples)]
    public int Samples { get; set; } = GateDefaults.Samples;

    [CommandOption(GateOptionNames.FailureLimit + " <COUNT>")]
    [Description("Bad reads tolerated; one more rolls back (Argo's failureLimit).")]
    [DefaultValue(GateDefaults.FailureLimit)]
    public int FailureLimit { get; set; } = GateDefaults.FailureLimit;

    [CommandOption(GateOptionNames.ErrorLimit + " <COUNT>")]
    [Description("Failed queries tolerated in total; one more rolls back.")]
    [DefaultValue(GateDefaults.ErrorLimit)]
    public int ErrorLimit { get; set; } = GateDefaults.ErrorLimit;

    [CommandOption(GateOptionNames.InconclusiveLimit + " <COUNT>")]
    [Description("Reads without data tolerated under --on-no-data inconclusive; one more ends inconclusive.")]
    [DefaultValue(GateDefaults.InconclusiveLimit)]
    public int InconclusiveLimit { get; set; } = GateDefaults.InconclusiveLimit;

    [CommandOption(GateOptionNames.MinRequests + " <COUNT>")]
    [Description("Minimum canary requests over the window (traffic rate x window seconds) for a read to count; below it the read has no data.")]
    [DefaultValue(GateDefaults.MinRequests)]
    public int MinRequests { get; set; } = GateDefaults.MinRequests;

    [CommandOption(GateOptionNames.OnNoData + " <POLICY>")]
    [Description(NoDataPolicies.Fail + ", " + NoDataPolicies.Pass + " or " + NoDataPolicies.Inconclusive + ": what an empty result or traffic under the floor counts as.")]
    [DefaultValue(GateDefaults.OnNoData)]
    public string OnNoData { get; set; } = GateDefaults.OnNoData;

    [CommandOption(GateOptionNames.TrafficQuery + " <PROMQL>")]
    [Description("Canary requests per second, for the floor when the SLI is a raw ratio. Default: the SLI's total query.")]
    public string? TrafficQuery { get; set; }

    [CommandOption(GateOptionNames.QueryTimeout + " <DURATION>")]
    [Description("Bound on each HTTP attempt.")]
    [DefaultValue(GateDefaults.QueryTimeout)]
    public string QueryTimeout { get; set; } = GateDefaults.QueryTimeout;

    [CommandOption(GateOptionNames.QueryRetries + " <COUNT>")]
    [Description("Retries of a transient query failure (connection, timeout, 429, 5xx).")]
    [DefaultValue(GateDefaults.QueryRetries)]
    public int QueryRetries { get; set; } = GateDefaults.QueryRetries;

    [CommandOption(GateOptionNames.RetryDelay + " <DURATION>")]
    [Description("First retry delay, doubling with jitter.")]
    [DefaultValue(GateDefaults.RetryDelay)]
    public string RetryDelay { get; set; } = GateDefaults.RetryDelay;

    [CommandOption(GateOptionNames.Deadline + " <DURATION>")]
    [Description("Bound on the whole gate; reaching it rolls back.")]
    [DefaultValue(GateDefaults.Deadline)]
    public string Deadline { get; set; } = GateDefaults.Deadline;

    [CommandOption(GateOptionNames.WarmUp + " <DURATION>")]
    [Description("Wait before the first read: window (as long as --window, so every read measures only traffic served during the gate), 0, or a duration.")]
    [DefaultValue(GateDefaults.WarmUp)]
    public string WarmUp { get; set; } = GateDefaults.WarmUp;

    [CommandOption(GateOptionNames.BearerTokenEnv + " <VARIABLE>")]
    [Description("Environment variable holding a bearer token for Prometheus. Default: none (no Authorization header).")]
    public string? BearerTokenEnv { get; set; }

    [CommandOption(GateOptionNames.CaBundle + " <FILE>")]
    [Description("PEM file of CA certificates to trust for an https Prometheus, besides the system store. Default: none.")]
    public string? CaBundle { get; set; }

    [CommandOption(GateOptionNames.Record + " <FILE>")]
    [Description("JSON deployment record to write; a record of the same service and version gains this step. Default: none.")]
    public string? Record { get; set; }

    [CommandOption(GateOptionNames.ServiceVersion + " <VERSION>")]
    [Description("The version being deployed: selects its series (see --version-label) and names it in the record. Default: none; the record then says $GITHUB_SHA, else $BUILD_SOURCEVERSION, else unknown.")]
    public string? ServiceVersion { get; set; }

    [CommandOption(GateOptionNames.VersionLabel + " <LABEL>")]
    [Description("Label carrying the version on the canary's series: with --service-version given, LABEL=\"VERSION\" joins --selector. Empty: select by --selector alone.")]
    [DefaultValue(GateDefaults.VersionLabel)]
    public string? VersionLabel { get; set; } = GateDefaults.VersionLabel;

    [CommandOption(GateOptionNames.Step + " <NAME>")]
    [Description("The traffic step this gate judges (e.g. 25%), for the record. Default: the step's number in the record.")]
    public string? Step { get; set; }

    /// <summary>The values as the gate's library takes them.</summary>
    public GateOptions ToOptions() => new()
    {
        Slo = Slo,
        SloName = SloName,
        LatencySloName = LatencySloName,
        Prometheus = Prometheus,
        Selector = Selector,
        Window = Window,
        MaxBurnRate = MaxBurnRate,
        Interval = Interval,
        Samples = Samples,
        FailureLimit = FailureLimit,
        ErrorLimit = ErrorLimit,
        InconclusiveLimit = InconclusiveLimit,
        MinRequests = MinRequests,
        OnNoData = OnNoData,
        TrafficQuery = TrafficQuery,
        QueryTimeout = QueryTimeout,
        QueryRetries = QueryRetries,
        RetryDelay = RetryDelay,
        Deadline = Deadline,
        WarmUp = WarmUp,
        BearerTokenEnv = BearerTokenEnv,
        CaBundle = CaBundle,
        Record = Record,
        ServiceVersion = ServiceVersion,
        VersionLabel = VersionLabel,
        Step = Step,
    };
}
