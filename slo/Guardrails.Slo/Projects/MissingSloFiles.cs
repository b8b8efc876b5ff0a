using Guardrails.Diagnostics;
using Guardrails.Slo.Files;

namespace Guardrails.Slo.Projects;

/// <summary>
/// <see cref="SloRules.NoSloFiles"/>: a project whose SLO checks are on but that has no SLO file. The README
/// promises a failing build when a service's SLO files are missing, so this is an error, reported the same way
/// by the build and <c>guardrails validate</c>; the host says where it looked and how to point it elsewhere.
/// </summary>
public static class MissingSloFiles
{
    public static Finding Report(SloFileSearch search)
    {
        var message = "no SLO files to check: " + search.Searched;
        if (SloLookalikeSearch.Nearest(search.BaseDirectory) is { } found)
        {
            var relative = RelativePath.From(search.BaseDirectory, found.Path);
            var where = found.AtRepositoryRoot ? " at the repository root" : string.Empty;
            var what = found.IsFolder ? "SLO files are in" : "an SLO file is";
            message += $"; {what} '{relative}'{where}: {search.HowToUse(found, relative)}";
        }
        else
        {
            message += "; " + search.HowToPointElsewhere;
        }

        message += "; " + search.HowToOptOut;
        return new Finding(SloRules.NoSloFiles, SourceSpan.WholeFile(search.ReportAt), message);
    }
}
