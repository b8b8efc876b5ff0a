using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Slo.Files;
using Guardrails.Slo.Projects;

namespace Guardrails.Cli.Commands.Validate;

/// <summary>
/// Where <c>guardrails validate</c> looked for SLO files (the root's <c>slo/</c>, or the folders named), in the
/// words of its command line: which paths and <c>--root</c> to pass instead.
/// </summary>
internal static class CommandLineSloFileSearch
{
    public static SloFileSearch Describe(string root, IReadOnlyList<string> sloFolders, bool defaultFolders)
    {
        var shown = sloFolders.Select(folder => RelativePath.From(root, folder)).Select(folder => $"'{folder}'");
        var searched = defaultFolders
            ? $"looked for *.yaml and *.yml files in slo/ under the root '{root}'"
            : $"looked for *.yaml and *.yml files in {string.Join(", ", shown)} and the folders below";
        var baseDirectory = defaultFolders ? root : sloFolders[0];
        return new SloFileSearch
        {
            ReportAt = baseDirectory,
            BaseDirectory = baseDirectory,
            Searched = searched,
            HowToPointElsewhere = "name the SLO files or their folder as PATHs, or pass --root DIR to check DIR's slo/ and docs/runbooks/",
            HowToOptOut = "to check runbooks alone, name the runbooks folder alone (guardrails validate docs/runbooks)",
            HowToUse = (found, _) => HowToUse(found),
        };
    }

    private static string HowToUse(SloLookalike found) =>
        found.IsFolder && found.AtRepositoryRoot && Path.GetFileName(found.Path) == "slo"
            ? "name that folder as a PATH, or pass the repository root as --root to check its slo/ and docs/runbooks/"
            : $"name that {(found.IsFolder ? "folder" : "file")} as a PATH";
}
