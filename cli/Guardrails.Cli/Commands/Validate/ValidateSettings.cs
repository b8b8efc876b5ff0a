using System;
using System.ComponentModel;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Validate;

public sealed class ValidateSettings : CommandSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("SLO files, runbooks, or folders searched recursively. Default: slo/ and docs/runbooks/ under the root.")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("text (canonical file(line,col,endLine,endCol): error GRxxxx: message lines), json, or sarif (SARIF 2.1.0).")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--spec-only")]
    [Description("Check the SLO files against their formats only (what oslo validate and sloth validate check): no team policy, no runbooks.")]
    public bool SpecOnly { get; init; }

    [CommandOption("--root <DIR>")]
    [Description("Where repository-relative runbook links start and what paths are shown relative to. Default: the current folder.")]
    public string? Root { get; init; }

    internal ReportFormat? ParsedFormat =>
        Enum.TryParse<ReportFormat>(Format, ignoreCase: true, out var format) && Enum.IsDefined(format) ? format : null;
}
