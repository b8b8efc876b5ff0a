using System;

namespace Guardrails.Testing;

/// <summary>Runs Prometheus' own checker on generated files; what promtool accepts, Prometheus loads.</summary>
internal static class Promtool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static ProcessOutcome Run(string workingDirectory, params string[] arguments)
    {
        var executable = ExternalTool.Require("promtool", "Install Debian's 'prometheus' package (apt-get install prometheus).");
        return ProcessRunner.Run(executable, arguments, workingDirectory, Timeout);
    }
}
