using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Delivery.PullRequests;

namespace Guardrails.Pipelines.Model;

/// <summary>
/// Every input of the delivery templates (pull request checks and the weekly DORA report), one list per
/// template for both CI systems. The policy defaults are the CLI's own (<see cref="PullRequestSizeDefaults"/>,
/// <see cref="WipDefaults"/>, <see cref="SizeThresholds.DefaultText"/>); "no limit" is written as 0.
/// </summary>
public static class DeliveryInputs
{
    public const string NoLimit = "0";

    public static IReadOnlyList<TemplateInput> PullRequestChecks(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return
        [
            new("max-lines", TemplateInputType.Number, "Most changed lines (added + deleted, counted files) a pull request may have (pr-size --max-lines).", Invariant(PullRequestSizeDefaults.MaxLines)),
            new("max-files", TemplateInputType.Number, "Most counted files a pull request may have; 0 is no limit (pr-size --max-files).", Limit(PullRequestSizeDefaults.MaxFiles)),
            new("sizes", TemplateInputType.Text, $"Changed lines where {string.Join(", ", SizeThresholds.Names.Skip(1).SkipLast(1))} and {SizeThresholds.Names[^1]} start (pr-size --sizes).", SizeThresholds.DefaultText),
            new("override-label", TemplateInputType.Text, "A pull request with this label passes the size check over the limit (pr-size --override); the size is still reported.", "size/override"),
            new("label-prefix", TemplateInputType.Text, $"The size label is this prefix and the size ({string.Join(", ", SizeThresholds.Names)}).", "size/", CiSystem.GitHubActions),
            new("max-per-author", TemplateInputType.Number, "Most open pull requests per author (wip --max-per-author).", Invariant(WipDefaults.MaxPerAuthor)),
            new("max-per-team", TemplateInputType.Number, "Most open pull requests per team; 0 is no limit (wip --max-per-team).", Limit(WipDefaults.MaxPerTeam)),
            new("teams", TemplateInputType.Text, "Teams, one NAME=author1,author2 per line (wip --team); empty: none.", string.Empty),
            new("max-age", TemplateInputType.Text, "Pull requests open longer than this are listed, such as 3d or 36h (wip --max-age).", WipDefaults.MaxAge),
            new("include-drafts", TemplateInputType.Text, "true counts draft pull requests too (wip --include-drafts).", WipDefaults.IncludeDrafts ? "true" : "false", Choices: ["false", "true"]),
            .. Tooling(pipeline),
        ];
    }

    public static IReadOnlyList<TemplateInput> DoraReport(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return
        [
            new("deployments-from-tags", TemplateInputType.Text, "Every tag matching this pattern, such as v*, is a deployment (dora --deployments-from-tags); empty: none.", string.Empty),
            new("deployment-records", TemplateInputType.Text, "guardrails gate --record files: a file, or a folder searched for *.json (dora --deployment-records); empty: none.", string.Empty),
            new("incidents", TemplateInputType.Text, "Incident export, CSV or JSON, in the repository (dora --incidents); empty: none.", string.Empty),
            new("since", TemplateInputType.Text, "Start of the report, YYYY-MM-DD (dora --since); empty: 13 weeks before the current ISO week.", string.Empty),
            new("baseline-until", TemplateInputType.Text, "End of the baseline, YYYY-MM-DD, marked on every chart (dora --baseline-until); empty: no baseline.", string.Empty),
            new("report-name", TemplateInputType.Text, "Name of the artifact holding the HTML report.", "guardrails-dora-report"),
            .. Tooling(pipeline),
        ];
    }

    /// <summary>Where the CLI comes from and what runs it.</summary>
    private static IEnumerable<TemplateInput> Tooling(CanaryPipeline pipeline) =>
    [
        CliToolInputs.Version(pipeline, "runs the checks and the report"),
        CliToolInputs.Source(),
        CliToolInputs.DotnetVersion(pipeline, "run the Guardrails CLI"),
        new("runs-on", TemplateInputType.Text, "Runner label for every job.", "ubuntu-latest", CiSystem.GitHubActions),
    ];

    private static string Limit(int? limit) => limit is { } value ? Invariant(value) : NoLimit;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
