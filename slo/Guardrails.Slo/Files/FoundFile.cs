using System;

namespace Guardrails.Slo.Files;

/// <summary>
/// A file found by <see cref="InputFileSearch"/>: its full path, and the folder named on the command line it was
/// found in (<see langword="null"/> when the file itself was named, which commands treat as a deliberate choice).
/// </summary>
public sealed record FoundFile(string Path, string? SearchedFolder)
{
    public bool WasNamed => SearchedFolder is null;

    public bool IsYaml => HasExtension(".yaml") || HasExtension(".yml");

    public bool IsMarkdown => HasExtension(".md");

    private bool HasExtension(string extension) =>
        System.IO.Path.GetExtension(Path).Equals(extension, StringComparison.OrdinalIgnoreCase);
}
