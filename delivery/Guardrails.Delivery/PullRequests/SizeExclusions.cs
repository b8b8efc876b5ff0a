using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Guardrails.Delivery.PullRequests;

/// <summary>
/// The files a pull request's size leaves out, by name: lock files (written by tools, reviewed by no one)
/// and generated C# (<c>*.Designer.cs</c>, <c>*.g.cs</c>, <c>*.g.i.cs</c>). Binary files and
/// <c>.gitattributes</c> marks (<c>linguist-generated</c>, <c>-diff</c>) are decided by git.
/// </summary>
public static class SizeExclusions
{
    public static IReadOnlyList<string> LockFiles { get; } =
    [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "packages.lock.json",
        "paket.lock", "Cargo.lock", "Gemfile.lock", "poetry.lock", "Pipfile.lock", "uv.lock", "composer.lock",
        "go.sum", "mix.lock", "pubspec.lock", "Podfile.lock", "gradle.lockfile", "flake.lock",
    ];

    public static IReadOnlyList<string> GeneratedSuffixes { get; } = [".Designer.cs", ".g.cs", ".g.i.cs"];

    /// <summary>Why the file is left out by its name, or null when its name does not exclude it.</summary>
    public static string? ByName(string path)
    {
        var name = Path.GetFileName(path);
        if (LockFiles.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            return "lock file";
        }

        return GeneratedSuffixes.Any(suffix => name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) ? "generated C#" : null;
    }
}
