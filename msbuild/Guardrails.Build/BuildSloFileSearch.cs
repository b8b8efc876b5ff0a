using System.IO;
using Guardrails.Slo.Files;
using Guardrails.Slo.Projects;

namespace Guardrails.Build;

/// <summary>
/// Where the build looked for SLO files (<c>$(GuardrailsSloDirectory)</c> unless default items are off), in the
/// words of the project file: the properties and items that point it elsewhere or say it has no SLOs.
/// </summary>
internal static class BuildSloFileSearch
{
    public static SloFileSearch Describe(string projectFile, string projectDirectory, string? sloDirectory, bool defaultItemsEnabled)
    {
        var searched = defaultItemsEnabled && !string.IsNullOrEmpty(sloDirectory)
            ? $"looked for {Folder(projectDirectory, sloDirectory!)}**/*.yaml and {Folder(projectDirectory, sloDirectory!)}**/*.yml under the project folder '{projectDirectory}' (GuardrailsSloDirectory)"
            : "the project lists no <GuardrailsSloFile> items, and EnableDefaultGuardrailsItems is false, so no folder was searched";
        return new SloFileSearch
        {
            ReportAt = projectFile,
            BaseDirectory = projectDirectory,
            Searched = searched,
            HowToPointElsewhere = "to check SLO files elsewhere, set <GuardrailsSloDirectory>path/to/slo/</GuardrailsSloDirectory> or add <GuardrailsSloFile Include=\"path/to/file.yaml\" /> in the project file",
            HowToOptOut = "a project without SLOs of its own (a library with runbooks only) sets <GuardrailsCheckSlos>false</GuardrailsCheckSlos>",
            HowToUse = HowToUse,
        };
    }

    private static string HowToUse(SloLookalike found, string relative)
    {
        if (!found.IsFolder)
        {
            return $"add <GuardrailsSloFile Include=\"{relative}\" />";
        }

        var directory = $"set <GuardrailsSloDirectory>{relative}/</GuardrailsSloDirectory>";
        return found.AtRepositoryRoot && Path.GetFileName(found.Path) == "slo"
            ? $"{directory}, or <GuardrailsScope>Repository</GuardrailsScope> to take slo/ and docs/runbooks/ from the repository root"
            : directory;
    }

    /// <summary>The SLO folder as the project file would write it, with a trailing '/'.</summary>
    private static string Folder(string projectDirectory, string sloDirectory)
    {
        var relative = RelativePath.From(projectDirectory, sloDirectory);
        return relative == "." ? string.Empty : relative + "/";
    }
}
