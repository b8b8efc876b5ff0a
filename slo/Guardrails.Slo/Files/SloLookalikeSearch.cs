using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Slo.Runbooks;

namespace Guardrails.Slo.Files;

/// <summary>
/// Finds the SLO files nearest to a project that found none: in the project folder and each folder above it up
/// to the repository root (the folder holding <c>.git</c>), a folder named <c>slo</c> or <c>slos</c> (any case)
/// holding an SLO file, or an SLO file directly in that folder. A file counts as an SLO file when its start
/// names an SLO format (OpenSLO's <c>apiVersion: openslo/…</c>, Sloth's <c>prometheus/v1</c>), so a
/// <c>docker-compose.yml</c> at the root is not mistaken for one.
/// </summary>
public static class SloLookalikeSearch
{
    private const int BytesRead = 4096;

    private static readonly string[] FolderNames = ["slo", "slos"];

    private static readonly string[] FormatMarkers = ["openslo/", "prometheus/v1", "sloth.slok.dev"];

    public static SloLookalike? Nearest(string startDirectory)
    {
        var repositoryRoot = RepositoryRoot.Find(startDirectory);
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var atRoot = repositoryRoot is not null && SamePath(directory.FullName, repositoryRoot);
            if (Inspect(directory, atRoot) is { } found)
            {
                return found;
            }

            // Above the repository, SLO files belong to something else.
            if (atRoot)
            {
                return null;
            }
        }

        return null;
    }

    private static SloLookalike? Inspect(DirectoryInfo directory, bool atRepositoryRoot)
    {
        if (!directory.Exists)
        {
            return null;
        }

        try
        {
            var folder = directory.EnumerateDirectories()
                .Where(sub => FolderNames.Contains(sub.Name, StringComparer.OrdinalIgnoreCase))
                .OrderBy(sub => sub.Name, StringComparer.Ordinal)
                .FirstOrDefault(sub => InputFileSearch.Find([sub.FullName], out _).Any(file => file.IsYaml && LooksLikeSlo(file.Path)));
            if (folder is not null)
            {
                return new SloLookalike(folder.FullName, IsFolder: true, atRepositoryRoot);
            }

            var file = directory.EnumerateFiles()
                .Select(info => new FoundFile(info.FullName, directory.FullName))
                .Where(candidate => candidate.IsYaml)
                .OrderBy(candidate => candidate.Path, StringComparer.Ordinal)
                .FirstOrDefault(candidate => LooksLikeSlo(candidate.Path));
            return file is null ? null : new SloLookalike(file.Path, IsFolder: false, atRepositoryRoot);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder we may not read is one we cannot suggest; the finding still says where Guardrails looked.
            return null;
        }
    }

    private static bool LooksLikeSlo(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var buffer = new byte[BytesRead];
            var read = stream.Read(buffer, 0, buffer.Length);
            var start = System.Text.Encoding.UTF8.GetString(buffer, 0, read);
            return FormatMarkers.Any(marker => start.IndexOf(marker, StringComparison.OrdinalIgnoreCase) >= 0);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool SamePath(string first, string second) =>
        string.Equals(
            first.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
            second.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar),
            RunbookCatalog.PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase);
}
