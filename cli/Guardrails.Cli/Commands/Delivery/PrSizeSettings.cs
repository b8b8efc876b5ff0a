using System.ComponentModel;
using Guardrails.Delivery.PullRequests;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary>Options of <c>guardrails pr-size</c>; docs/delivery.md documents each one and its default.</summary>
internal sealed class PrSizeSettings : CommandSettings
{
    public const int DefaultMaxLines = PullRequestSizeDefaults.MaxLines;

    public const int DefaultLargest = 10;

    [CommandOption("--repository <DIR>")]
    [Description("The git repository. Default: the current folder")]
    public string Repository { get; init; } = ".";

    [CommandOption("--base <REV>")]
    [Description("The branch the pull request merges into (e.g. origin/main). Required")]
    public string? Base { get; init; }

    [CommandOption("--head <REV>")]
    [Description("The pull request's last commit. Default: HEAD")]
    public string Head { get; init; } = "HEAD";

    [CommandOption("--max-lines <N>")]
    [Description("Most changed lines (added + deleted, counted files) allowed. Default: 400")]
    public int MaxLines { get; init; } = DefaultMaxLines;

    [CommandOption("--max-files <N>")]
    [Description("Most counted files allowed. Default: no limit")]
    public int? MaxFiles { get; init; } = PullRequestSizeDefaults.MaxFiles;

    [CommandOption("--sizes <THRESHOLDS>")]
    [Description("Changed lines where S, M, L and XL start. Default: " + SizeThresholds.DefaultText)]
    public string Sizes { get; init; } = SizeThresholds.DefaultText;

    [CommandOption("--largest <N>")]
    [Description("How many of the largest files to list. Default: 10")]
    public int Largest { get; init; } = DefaultLargest;

    [CommandOption("--override")]
    [Description("Report a pull request over the limit but exit 0 (a reviewed exception, e.g. a size/override label)")]
    public bool Override { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("text (default, Markdown-friendly) or json")]
    public string Format { get; init; } = "text";
}
