using System;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;

namespace Guardrails.Cli.Tests;

/// <summary>The built tool run as a CI step runs it: as a process whose output goes to a pipe.</summary>
public sealed class BuiltCliTests
{
    private const char Escape = '\u001b';

    [TestCase("--version")]
    [TestCase("-v")]
    public async Task The_version_option_prints_the_tools_informational_version(string option)
    {
        var expected = typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        var run = await RunAsync(option);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Errors);
            Assert.That(run.Output.Trim(), Is.EqualTo(expected));
            Assert.That(run.Output, Does.Not.Contain("unknown"));
        });
    }

    [TestCase("--help")]
    [TestCase("gate", "--help")]
    [TestCase("validate", "--help")]
    public async Task Help_written_to_a_pipe_has_no_colour_codes(params string[] arguments)
    {
        var run = await RunAsync(arguments);

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Errors);
            Assert.That(run.Output, Does.Contain("USAGE:"));
            Assert.That(run.Output + run.Errors, Does.Not.Contain(Escape));
        });
    }

    [Test]
    public async Task Gate_errors_written_to_a_pipe_have_no_colour_codes()
    {
        var run = await RunAsync("gate", "--slo", Path.Combine(Path.GetTempPath(), "guardrails-no-such-slo.yaml"), "--samples", "0");

        Assert.Multiple(() =>
        {
            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Errors, Does.Contain("GR5205").And.Contain("GR5210"));
            Assert.That(run.Output + run.Errors, Does.Not.Contain(Escape));
        });
    }

    [TestCase("1", false, true)]
    [TestCase("", false, false)]
    [TestCase(null, true, true)]
    [TestCase(null, false, false)]
    public void Output_is_plain_when_redirected_or_when_no_color_is_set(string? noColor, bool redirected, bool plain) =>
        Assert.That(ConsoleStyle.IsPlain(name => name == "NO_COLOR" ? noColor : null, redirected), Is.EqualTo(plain));

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "guardrails.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A terminal-like environment, so only the pipe can be what turns colour off.
        start.Environment["TERM"] = "xterm-256color";
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("CI");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
