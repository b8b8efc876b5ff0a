using System.IO;

namespace Guardrails.Slo.Runbooks;

/// <summary>The folder holding <c>.git</c> (a folder in a clone, a file in a worktree), where repository-relative links start.</summary>
public static class RepositoryRoot
{
    public static string? Find(string startDirectory)
    {
        for (var directory = new DirectoryInfo(startDirectory); directory is not null; directory = directory.Parent)
        {
            var git = Path.Combine(directory.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
