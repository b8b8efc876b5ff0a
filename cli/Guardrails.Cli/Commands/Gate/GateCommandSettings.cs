using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Gate;

/// <summary>
/// The options of <c>guardrails gate</c> as typed on the command line. Durations stay text here so a
/// mistake is reported as GR5205 with the option's name rather than as a conversion failure.
/// docs/gate.md documents each one; keep the two in step.
/// </summary>
internal class GateCommandSettings : CommandSettings
{
    [CommandOption("--slo <PATH>")]
    [Description("SLO file or directory (OpenSLO v1 or Sloth prometheus/v1); repeat for several. Default: the slo directory.")]
    public string[] Slo { get; set; } = [];

    [CommandOption("--slo-name <NAME>")]
    [Description("The SLO to gate on, by name or service-name id. Default: the only SLO, or the only availability SLO.")]
    public string? SloName { get; set; }

    [CommandOption("--latency-slo-name <NAME>")]
    [Description("A second SLO, usually latency, checked at every read with the same limits. Default: none.")]
    public string? LatencySloName { get; set; }

    [CommandOption("--prometheus <URL>")]
    [Description("Prometheus base URL.")]
    [DefaultValue("http://localhost:9090")]
    public string Prometheus { get; set; } = "http://localhost:9090";

    [CommandOption("--selector <MATCHERS>")]
    [Description("Label matchers that select the canary, added to every vector selector of the SLI queries.")]
    [DefaultValue("track=\"canary\"")]
    public string Selector { get; set; } = "track=\"canary\"";

    [CommandOption("--window <DURATION>")]
    [Description("Range the error ratio is measured over, replacing {{.window}}.")]
    [DefaultValue("5m")]
    public string Window { get; set; } = "5m";

    [CommandOption("--max-burn-rate <RATE>")]
    [Description("A read is bad when a burn rate is over this.")]
    [DefaultValue(14.4)]
    public double MaxBurnRate { get; set; } = 14.4;

    [CommandOption("--interval <DURATION>")]
    [Description("Time between reads.")]
    [DefaultValue("30s")]
    public string Interval { get; set; } = "30s";

    [CommandOption("--samples <COUNT>")]
    [Description("Number of reads before promotion (Argo's count).")]
    [DefaultValue(10)]
    public int Samples { get; set; } = 10;

    [CommandOption("--failure-limit <COUNT>")]
    [Description("Bad reads tolerated; one more rolls back (Argo's failureLimit).")]
    [DefaultValue(0)]
    public int FailureLimit { get; set; }

    [CommandOption("--error-limit <COUNT>")]
    [Description("Failed queries tolerated in total; one more rolls back.")]
    [DefaultValue(4)]
    public int ErrorLimit { get; set; } = 4;

    [CommandOption("--inconclusive-limit <COUNT>")]
    [Description("Reads without data tolerated under --on-no-data inconclusive; one more ends inconclusive.")]
    [DefaultValue(0)]
    public int InconclusiveLimit { get; set; }

    [CommandOption("--min-rps <RATE>")]
    [Description("Minimum canary requests per second for a read to count; below it the read has no data.")]
    [DefaultValue(1.0)]
    public double MinRps { get; set; } = 1;

    [CommandOption("--on-no-data <POLICY>")]
    [Description("fail, pass or inconclusive: what an empty result or traffic under the floor counts as.")]
    [DefaultValue("fail")]
    public string OnNoData { get; set; } = "fail";

    [CommandOption("--traffic-query <PROMQL>")]
    [Description("Canary requests per second, for the floor when the SLI is a raw ratio. Default: the SLI's total query.")]
    public string? TrafficQuery { get; set; }

    [CommandOption("--query-timeout <DURATION>")]
    [Description("Bound on each HTTP attempt.")]
    [DefaultValue("10s")]
    public string QueryTimeout { get; set; } = "10s";

    [CommandOption("--query-retries <COUNT>")]
    [Description("Retries of a transient query failure (connection, timeout, 429, 5xx).")]
    [DefaultValue(2)]
    public int QueryRetries { get; set; } = 2;

    [CommandOption("--retry-delay <DURATION>")]
    [Description("First retry delay, doubling with jitter.")]
    [DefaultValue("1s")]
    public string RetryDelay { get; set; } = "1s";

    [CommandOption("--deadline <DURATION>")]
    [Description("Bound on the whole gate; reaching it rolls back.")]
    [DefaultValue("10m")]
    public string Deadline { get; set; } = "10m";

    [CommandOption("--bearer-token-env <VARIABLE>")]
    [Description("Environment variable holding a bearer token for Prometheus. Default: none (no Authorization header).")]
    public string? BearerTokenEnv { get; set; }

    [CommandOption("--ca-bundle <FILE>")]
    [Description("PEM file of CA certificates to trust for an https Prometheus, besides the system store. Default: none.")]
    public string? CaBundle { get; set; }

    [CommandOption("--record <FILE>")]
    [Description("JSON deployment record to write; a record of the same service and version gains this step. Default: none.")]
    public string? Record { get; set; }

    [CommandOption("--service-version <VERSION>")]
    [Description("The version being deployed, for the record. Default: $GITHUB_SHA, else $BUILD_SOURCEVERSION, else unknown.")]
    public string? ServiceVersion { get; set; }

    [CommandOption("--step <NAME>")]
    [Description("The traffic step this gate judges (e.g. 25%), for the record. Default: the step's number in the record.")]
    public string? Step { get; set; }
}
