using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Runbooks;

/// <summary>
/// Checks that every runbook an SLO or an alert names exists, and that its <c>#anchor</c> is a heading of it.
/// A relative link is looked up from the validation root, then from the repository root, then from the
/// folder of the file that names it; a link starting with <c>/</c> is repository-relative, as on GitHub.
/// Web addresses are not fetched: the build has no business depending on the network.
/// </summary>
public sealed class RunbookLinkChecker
{
    private readonly string rootDirectory;
    private readonly string repositoryRoot;
    private readonly RunbookCatalog catalog;

    public RunbookLinkChecker(string rootDirectory, RunbookCatalog catalog)
    {
        this.rootDirectory = WithoutTrailingSeparator(Path.GetFullPath(rootDirectory));
        repositoryRoot = RepositoryRoot.Find(this.rootDirectory) ?? this.rootDirectory;
        this.catalog = catalog;
    }

    public IReadOnlyList<Finding> Check(IEnumerable<RunbookReference> references)
    {
        var findings = new List<Finding>();
        foreach (var reference in references)
        {
            var finding = Check(reference);
            if (finding is not null)
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    private Finding? Check(RunbookReference reference)
    {
        var link = RunbookLink.Parse(reference.Target);
        if (link.IsWebAddress)
        {
            return null;
        }

        if (link.FilePart.Length == 0 || IsAbsoluteOutsideRepository(link.FilePart))
        {
            return new Finding(
                RunbookRules.LinkNotRepositoryRelative,
                reference.Location,
                $"{reference.Subject} names the runbook '{reference.Target}'; write a path relative to the repository (docs/runbooks/<name>.md) or an http(s) address");
        }

        List<string> candidates;
        try
        {
            candidates = Candidates(link.FilePart, reference.Location.File).ToList();
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // .NET Framework (Visual Studio's MSBuild) rejects characters such as '|' or '*' in paths.
            return new Finding(
                RunbookRules.LinkNotRepositoryRelative,
                reference.Location,
                $"{reference.Subject} names the runbook '{reference.Target}', which is not a valid path ({exception.Message})");
        }

        if (candidates.Count == 0)
        {
            return new Finding(
                RunbookRules.LinkNotRepositoryRelative,
                reference.Location,
                $"{reference.Subject} names the runbook '{reference.Target}', which is outside the repository '{repositoryRoot}'");
        }

        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            return new Finding(
                RunbookRules.RunbookNotFound,
                reference.Location,
                $"{reference.Subject} names the runbook '{reference.Target}', which does not exist (looked for {string.Join(", ", candidates.Select(RepositoryRelative).Distinct(StringComparer.Ordinal).Select(path => "'" + path + "'"))} in '{repositoryRoot}')");
        }

        if (string.IsNullOrEmpty(link.Anchor))
        {
            return null;
        }

        var runbook = catalog.Get(found).Document;
        if (runbook is null || runbook.HasAnchor(link.Anchor!))
        {
            // An unreadable runbook is reported once, where it is, not at every link to it.
            return null;
        }

        var known = runbook.Sections.Select(section => "#" + section.Anchor);
        return new Finding(
            RunbookRules.RunbookAnchorNotFound,
            reference.Location,
            $"{reference.Subject} links to '#{link.Anchor}' in '{link.FilePart}', which has no such heading (it has {string.Join(", ", known)})");
    }

    private static string WithoutTrailingSeparator(string directory) =>
        string.Equals(directory, Path.GetPathRoot(directory), StringComparison.Ordinal)
            ? directory
            : directory.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool IsAbsoluteOutsideRepository(string filePart) =>
        filePart.Contains(':') || filePart.StartsWith("//", StringComparison.Ordinal) || filePart.StartsWith("\\", StringComparison.Ordinal);

    /// <summary>Where the link may point, most specific last; paths that leave the repository are dropped.</summary>
    private IEnumerable<string> Candidates(string filePart, string referencingFile)
    {
        if (filePart.StartsWith("/", StringComparison.Ordinal))
        {
            return Inside(Path.Combine(repositoryRoot, filePart.TrimStart('/')));
        }

        var referencingDirectory = Path.GetDirectoryName(Path.GetFullPath(referencingFile)) ?? rootDirectory;
        return new[] { rootDirectory, repositoryRoot, referencingDirectory }
            .SelectMany(directory => Inside(Path.Combine(directory, filePart)));
    }

    private string RepositoryRelative(string insidePath) =>
        insidePath.Substring(Boundary.Length).Replace(Path.DirectorySeparatorChar, '/');

    private string Boundary => repositoryRoot.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
        ? repositoryRoot
        : repositoryRoot + Path.DirectorySeparatorChar;

    private IEnumerable<string> Inside(string path)
    {
        var full = Path.GetFullPath(path);
        if (full.StartsWith(Boundary, RunbookCatalog.PathComparer == StringComparer.Ordinal ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
        {
            yield return full;
        }
    }
}
