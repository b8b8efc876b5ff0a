using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// A stand-in command from StandIns/ (kubectl, az; each file's header says what it does) installed under its
/// own name in a folder put first on the executor's PATH, so an adapter's real commands run against no cluster
/// or subscription. It logs every call to <see cref="Calls"/>, writes the version it deploys to the release's
/// version file and the traffic share it is told to give the canary to its traffic file, which the live metrics follow. A real tool on the machine is
/// never reached.
/// </summary>
internal sealed class StandInTool
{
    private readonly string log;
    private readonly string state;
    private readonly string trafficFile;
    private readonly string versionFile;

    public StandInTool(string name, string folder, string trafficFile, string versionFile)
    {
        var root = Path.Combine(folder, name + "-stand-in");
        Bin = Path.Combine(root, "bin");
        state = Path.Combine(root, "state");
        Directory.CreateDirectory(Bin);
        Directory.CreateDirectory(state);
        var tool = Path.Combine(Bin, name);
        File.Copy(RepositoryLayout.PathOf("tests", "Guardrails.Pipelines.Tests", "Executors", "StandIns", name), tool);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(tool, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        log = Path.Combine(root, "calls.log");
        File.WriteAllText(log, string.Empty);
        this.trafficFile = trafficFile;
        this.versionFile = versionFile;
    }

    /// <summary>The folder holding the stand-in.</summary>
    public string Bin { get; }

    /// <summary>The executor's environment changes: the stand-in first on PATH, and where it logs, keeps state and writes the deployed version and the traffic share.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["PATH"] = Bin + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["GUARDRAILS_STAND_IN_LOG"] = log,
        ["GUARDRAILS_STAND_IN_STATE"] = state,
        ["GUARDRAILS_STAND_IN_TRAFFIC_FILE"] = trafficFile,
        ["GUARDRAILS_STAND_IN_VERSION_FILE"] = versionFile,
    };

    /// <summary>Every call so far, in order, as its arguments: "annotate ingress web --namespace shop ...".</summary>
    public IReadOnlyList<string> Calls => [.. File.ReadAllLines(log).Where(line => line.Length > 0)];
}
