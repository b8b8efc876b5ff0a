using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary>Options of <c>guardrails dora</c>; docs/delivery.md documents each one and its default.</summary>
internal sealed class DoraSettings : CommandSettings
{
    [CommandOption("--repository <DIR>")]
    [Description("The git repository (a clone with its whole history). Default: the current folder")]
    public string Repository { get; init; } = ".";

    [CommandOption("--deployments-from-tags <PATTERN>")]
    [Description("Every tag matching the pattern (git for-each-ref refs/tags/PATTERN) is a successful deployment; quote it: 'v*'")]
    public string? TagPattern { get; init; }

    [CommandOption("--deployment-records <PATH>")]
    [Description("guardrails gate --record files: one file, or a folder searched recursively for *.json")]
    public string? DeploymentRecords { get; init; }

    [CommandOption("--record-revision <FORMAT>")]
    [Description("The revision a gate record's version was built from; {version} and {service} are replaced. Default: v{version}")]
    public string? RecordRevision { get; init; }

    [CommandOption("--github-deployments <FILE>")]
    [Description("A GitHub Deployments export (the REST API's JSON array, optionally with each deployment's statuses)")]
    public string? GitHubDeployments { get; init; }

    [CommandOption("--azure-deployments <FILE>")]
    [Description("Azure Pipelines environment deployment records (the REST API's JSON); needs --azure-runs for their commits")]
    public string? AzureDeployments { get; init; }

    [CommandOption("--azure-runs <FILE>")]
    [Description("The runs behind --azure-deployments (az pipelines runs list --output json): id and sourceVersion")]
    public string? AzureRuns { get; init; }

    [CommandOption("--environment <NAME>")]
    [Description("Only GitHub deployments to this environment (case-insensitive). Default: all")]
    public string? Environment { get; init; }

    [CommandOption("--incidents <FILE>")]
    [Description("Incident export: CSV with a header row, or JSON (.json); columns opened, resolved, service, severity, deployment, id")]
    public string? Incidents { get; init; }

    [CommandOption("--since <DATE>")]
    [Description("Start of the report, inclusive (YYYY-MM-DD is midnight UTC, or an ISO 8601 time with offset). Default: --until minus 13 weeks")]
    public string? Since { get; init; }

    [CommandOption("--until <DATE>")]
    [Description("End of the report, exclusive. Default: the Monday 00:00 UTC that starts the current ISO week")]
    public string? Until { get; init; }

    [CommandOption("--baseline-until <DATE>")]
    [Description("Compare [since, DATE) (the baseline) with [DATE, until); marked on every chart")]
    public string? BaselineUntil { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("md (default; fits a CI job summary), html (charts), json or csv")]
    public string Format { get; init; } = "md";

    [CommandOption("-o|--out <FILE>")]
    [Description("Write the report to FILE instead of standard output")]
    public string? Out { get; init; }
}
