using System.ComponentModel;
using Guardrails.Delivery.PullRequests;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Delivery;

/// <summary>Options of <c>guardrails wip</c>; docs/delivery.md documents each one and its default.</summary>
internal sealed class WipSettings : CommandSettings
{
    public const int DefaultMaxPerAuthor = WipDefaults.MaxPerAuthor;

    public const string DefaultMaxAge = WipDefaults.MaxAge;

    [CommandOption("--pull-requests <FILE>")]
    [Description("The JSON of gh pr list --json number,author,isDraft,createdAt,labels, or of az repos pr list. Required")]
    public string? PullRequests { get; init; }

    [CommandOption("--max-per-author <N>")]
    [Description("Most open pull requests per author. Default: 2")]
    public int MaxPerAuthor { get; init; } = DefaultMaxPerAuthor;

    [CommandOption("--team <TEAM>")]
    [Description("A team as NAME=author1,author2 (repeatable); authors are logins (gh) or unique names (az)")]
    public string[] Teams { get; init; } = [];

    [CommandOption("--max-per-team <N>")]
    [Description("Most open pull requests per team. Default: no limit (teams are only counted)")]
    public int? MaxPerTeam { get; init; } = WipDefaults.MaxPerTeam;

    [CommandOption("--max-age <DURATION>")]
    [Description("List pull requests open longer than this: a number with d, h or m, such as 3d or 36h. Default: 3d")]
    public string MaxAge { get; init; } = DefaultMaxAge;

    [CommandOption("--include-drafts")]
    [Description("Count draft pull requests too (left out by default)")]
    public bool IncludeDrafts { get; init; } = WipDefaults.IncludeDrafts;

    [CommandOption("--format <FORMAT>")]
    [Description("text (default, Markdown-friendly) or json")]
    public string Format { get; init; } = "text";
}
