using System.IO;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Slo.Projects;

namespace Guardrails.Cli.Commands.Validate;

/// <summary>One canonical MSBuild line per finding on standard output (what editors and CI annotate);
/// the summary on standard error, so the output stays one finding per line.</summary>
internal static class TextReport
{
    public static void Write(ProjectValidationResult result, int fileCount, TextWriter output, TextWriter summary)
    {
        foreach (var finding in result.Findings)
        {
            output.WriteLine(finding.ToString());
        }

        var errors = result.Findings.Count(finding => finding.Severity == Severity.Error);
        var warnings = result.Findings.Count(finding => finding.Severity == Severity.Warning);
        summary.WriteLine($"{fileCount} file(s) checked: {errors} error(s), {warnings} warning(s).");
    }
}
