using Guardrails.Diagnostics;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Guardrails.Build;

/// <summary>Writes findings as canonical MSBuild diagnostics, with code, span and help link, so IDEs and CI link to them.</summary>
internal sealed class FindingLogger
{
    private readonly TaskLoggingHelper log;

    public FindingLogger(TaskLoggingHelper log) => this.log = log;

    public void Log(Finding finding)
    {
        var at = finding.Location;
        switch (finding.Severity)
        {
            case Severity.Error:
                log.LogError(null, finding.Rule.Id, null, finding.Rule.HelpLink, at.File, at.Line, at.Column, at.EndLine, at.EndColumn, finding.Message);
                break;
            case Severity.Warning:
                log.LogWarning(null, finding.Rule.Id, null, finding.Rule.HelpLink, at.File, at.Line, at.Column, at.EndLine, at.EndColumn, finding.Message);
                break;
            default:
                log.LogMessage(null, finding.Rule.Id, null, at.File, at.Line, at.Column, at.EndLine, at.EndColumn, MessageImportance.High, finding.Message);
                break;
        }
    }
}
