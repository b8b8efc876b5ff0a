using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Guardrails.Gate.Tests.Integration;

/// <summary>The built tool as a pipeline runs it: a separate process that a cancelled job stops with SIGTERM.</summary>
[NonParallelizable]
public sealed class GateProcessTests
{
    [Test]
    public async Task Sigterm_rolls_back_and_still_writes_the_record()
    {
        Assume.That(OperatingSystem.IsWindows(), Is.False, "SIGTERM is how Linux and macOS runners cancel a job");
        using var server = new FakePrometheus(_ => FakeAnswer.Ok(10));
        using var files = new SloFiles();
        var slo = files.Write("checkout.yaml", SloFiles.Availability("checkout"));
        var record = Path.Combine(files.Directory, "deployment.json");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "guardrails.dll"), "gate", "--slo", slo, "--prometheus", server.Address.ToString(),
            "--max-burn-rate", "5000", "--interval", "1s", "--samples", "60", "--deadline", "2m", "--warm-up", "0", "--record", record,
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!;
        try
        {
            var errors = process.StandardError.ReadToEndAsync();
            var firstLines = await ReadUntilAsync(process.StandardOutput, "gate: read 1/60");
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            var rest = await process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Multiple(() =>
            {
                Assert.That(process.ExitCode, Is.EqualTo(1), firstLines + rest + errors.Result);
                Assert.That(rest, Does.Contain("gate: decision: roll back: the gate was cancelled"));
                Assert.That(File.ReadAllText(record), Does.Contain("\"decision\": \"rollback\""));
            });
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<string> ReadUntilAsync(StreamReader reader, string marker)
    {
        var seen = new System.Text.StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            seen.AppendLine(line);
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return seen.ToString();
            }
        }

        Assert.Fail("the gate ended before '" + marker + "': " + seen);
        return seen.ToString();
    }
}
