using System;
using System.Diagnostics;
using Guardrails.Testing;

namespace Guardrails.Slo.Tests.Prometheus;

/// <summary>Runs Prometheus' own checker on generated files; what promtool accepts, Prometheus loads.</summary>
internal static class Promtool
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static (int ExitCode, string Output) Run(string workingDirectory, params string[] arguments)
    {
        var executable = ExternalTool.Require("promtool", "Install Debian's 'prometheus' package (apt-get install prometheus).");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start.");
        var standardError = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"promtool {string.Join(' ', arguments)} did not finish within {Timeout}.");
        }

        return (process.ExitCode, standardOutput + standardError.Result);
    }
}
