using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Slo.Projects;

namespace Guardrails.Cli.Commands.Validate;

/// <summary>
/// One run of <c>guardrails validate</c>: exit 0 when clean, 1 when there are findings, 2 on a usage error
/// (unknown format, a path that does not exist, nothing to check), written to the given writers so tests
/// read exactly what a user sees.
/// </summary>
internal sealed class ValidateRun
{
    public const int Clean = 0;
    public const int FindingsReported = 1;
    public const int UsageError = 2;

    private readonly TextWriter output;
    private readonly TextWriter error;

    public ValidateRun(TextWriter output, TextWriter error)
    {
        this.output = output;
        this.error = error;
    }

    public int Execute(ValidateSettings settings)
    {
        if (settings.ParsedFormat is not { } format)
        {
            return Usage($"--format '{settings.Format}' is not a format; use text, json or sarif.");
        }

        var root = Path.GetFullPath(settings.Root ?? Environment.CurrentDirectory);
        if (!Directory.Exists(root))
        {
            return Usage($"--root '{settings.Root}' is not a folder.");
        }

        var paths = settings.Paths;
        IReadOnlyList<string> missing = [];
        var inputs = paths.Length == 0 ? ValidationInputs.Default(root) : ValidationInputs.Collect(paths, out missing);
        if (missing.Count > 0)
        {
            return Usage($"no such file or folder: {string.Join(", ", missing.Select(path => "'" + path + "'"))}.");
        }

        var fileCount = inputs.SloFiles.Count + (settings.SpecOnly ? 0 : inputs.RunbookFiles.Count);
        if (fileCount == 0)
        {
            var where = paths.Length == 0 ? $"slo/ or docs/runbooks/ under '{root}'" : string.Join(", ", settings.Paths);
            return Usage($"nothing to check: no SLO files (*.yaml, *.yml) or runbooks (*.md in a runbooks folder) in {where}.");
        }

        var result = ProjectValidator.Validate(new ProjectValidationOptions
        {
            RootDirectory = root,
            SloFiles = inputs.SloFiles,
            RunbookFiles = inputs.RunbookFiles,
            SpecOnly = settings.SpecOnly,
            SloSearch = inputs.SloFolders.Count == 0 ? null : CommandLineSloFileSearch.Describe(root, inputs.SloFolders, defaultFolders: paths.Length == 0),
            RelativePaths = true,
        });

        switch (format)
        {
            case ReportFormat.Json:
                JsonReport.Write(result, fileCount, output);
                break;
            case ReportFormat.Sarif:
                SarifReport.Write(result, root, output);
                break;
            default:
                TextReport.Write(result, fileCount, output, error);
                break;
        }

        return result.Findings.Count == 0 ? Clean : FindingsReported;
    }

    private int Usage(string message)
    {
        error.WriteLine("guardrails validate: " + message);
        return UsageError;
    }
}
