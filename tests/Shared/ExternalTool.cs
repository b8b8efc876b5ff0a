using System;
using System.IO;
using System.Linq;

namespace Guardrails.Testing;

/// <summary>
/// Finds a program the tests need from outside .NET (promtool, prometheus, node, shellcheck).
/// CI installs them, so there a missing tool fails the test; on a developer machine the test is
/// ignored with the reason, so a missing install never looks like a passing check.
/// </summary>
internal static class ExternalTool
{
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The tool's full path, or fails/ignores the current test when it is not installed.</summary>
    public static string Require(string name, string installHint)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }

        var message = $"'{name}' is not on PATH. {installHint}";
        if (IsCi)
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return name;
    }

    public static string? Find(string name)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var extensions = OperatingSystem.IsWindows() ? new[] { ".exe", ".cmd", ".bat", string.Empty } : new[] { string.Empty };
        return directories
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, name + extension)))
            .FirstOrDefault(File.Exists);
    }
}
