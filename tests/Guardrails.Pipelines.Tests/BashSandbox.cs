using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests;

/// <summary>
/// Runs an emitted script with bash in a temporary folder, with stand-ins for the programs it calls
/// (kubectl, az, guardrails) that log their arguments and answer as told.
/// </summary>
internal sealed class BashSandbox
{
    private readonly string bin;

    public BashSandbox()
    {
        Folder = ScratchFolders.Create("guardrails-bash-");
        bin = Path.Combine(Folder, "bin");
        Directory.CreateDirectory(bin);
        CallLog = Path.Combine(Folder, "calls.log");
        OutputFile = Path.Combine(Folder, "outputs");
        File.WriteAllText(CallLog, string.Empty);
        File.WriteAllText(OutputFile, string.Empty);
    }

    public string Folder { get; }

    /// <summary>One line per stand-in call: the program name and its arguments.</summary>
    public string CallLog { get; }

    /// <summary>The file GITHUB_OUTPUT points at.</summary>
    public string OutputFile { get; }

    public string Calls => File.ReadAllText(CallLog);

    /// <summary>A stand-in that logs its call, prints <paramref name="output"/>, and exits with <paramref name="exitCode"/>.</summary>
    public BashSandbox Fake(string program, int exitCode = 0, string output = "")
    {
        var path = Path.Combine(bin, program);
        File.WriteAllText(path, $"#!/usr/bin/env bash\necho \"{program} $*\" >> '{CallLog}'\nprintf '%s' '{output}'\nexit {exitCode}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return this;
    }

    /// <summary>A program on the script's PATH that logs its call, then runs <paramref name="body"/> (bash) with the same arguments.</summary>
    public BashSandbox Program(string program, string body)
    {
        var path = Path.Combine(bin, program);
        File.WriteAllText(path, $"#!/usr/bin/env bash\necho \"{program} $*\" >> '{CallLog}'\n{body}\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return this;
    }

    public ProcessOutcome Run(string script, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var bash = ExternalTool.Require("bash", "Install bash.");
        var file = Path.Combine(Folder, "script.sh");
        File.WriteAllText(file, script);
        var variables = new Dictionary<string, string?>
        {
            ["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["GITHUB_OUTPUT"] = OutputFile,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return ProcessRunner.Run(bash, [file], workingDirectory ?? Folder, TimeSpan.FromSeconds(30), variables);
    }
}
