using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Diagnostics;
using Guardrails.Slo.Text;

namespace Guardrails.Slo;

/// <summary>
/// Validates OpenSLO v1 and Sloth prometheus/v1 files the way their reference validators do, then resolves
/// references across all the files, applies the team policy and maps every SLO to a <see cref="Prometheus.PrometheusSlo"/>.
/// </summary>
public static class SloValidator
{
    /// <summary>Reads and validates the files together; a file that cannot be read or parsed is one finding, never an exception.</summary>
    public static SloValidationResult Validate(IReadOnlyList<string> files, SloValidationOptions options)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var project = new SloProject(options);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var displayPath = DisplayPath(file, options.BaseDirectory);

            // A file matched by two globs is one file, not a duplicate of every object in it.
            if (!seen.Add(FullPathOrAsGiven(file)))
            {
                continue;
            }

            var read = SloFileText.Read(file, displayPath, options.MaxFileBytes);
            project.Add(displayPath, read);
        }

        return project.Complete();
    }

    /// <summary>Validates one file's text as if it were the only SLO file.</summary>
    public static SloValidationResult ValidateText(string path, string text, SloValidationOptions options)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var project = new SloProject(options);
        project.Add(path, SloFileText.Check(text, path, options.MaxFileBytes));
        return project.Complete();
    }

    private static string FullPathOrAsGiven(string file)
    {
        try
        {
            return Path.GetFullPath(file);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return file;
        }
    }

    private static string DisplayPath(string file, string? baseDirectory)
    {
        if (string.IsNullOrEmpty(baseDirectory))
        {
            return file;
        }

        string fullFile;
        string fullBase;
        try
        {
            fullFile = Path.GetFullPath(file);
            fullBase = Path.GetFullPath(baseDirectory!).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
        {
            return file;
        }

        var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return fullFile.StartsWith(fullBase, comparison)
            ? fullFile.Substring(fullBase.Length).Replace(Path.DirectorySeparatorChar, '/')
            : file;
    }
}
