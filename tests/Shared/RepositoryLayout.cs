using System;
using System.IO;

namespace Guardrails.Testing;

/// <summary>Where the repository and its siblings are, found from the test assembly's location.</summary>
internal static class RepositoryLayout
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Guardrails.Build.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Guardrails.Build.sln above {AppContext.BaseDirectory}.");
    }
}
