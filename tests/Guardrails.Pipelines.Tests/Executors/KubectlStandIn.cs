using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests.Executors;

/// <summary>
/// StandIns/kubectl (its header says what it does) installed as <c>kubectl</c> in a folder put first on the
/// executor's PATH: it logs every call and writes the canary weight the nginx adapter sets to the release's
/// traffic file, which the live metrics follow. A real kubectl on the machine is never reached.
/// </summary>
internal sealed class KubectlStandIn
{
    private readonly string folder;
    private readonly string log;
    private readonly string trafficFile;

    public KubectlStandIn(string folder, string trafficFile)
    {
        this.folder = Path.Combine(folder, "kubectl-stand-in");
        this.trafficFile = trafficFile;
        var bin = Path.Combine(this.folder, "bin");
        Directory.CreateDirectory(bin);
        var kubectl = Path.Combine(bin, "kubectl");
        File.Copy(RepositoryLayout.PathOf("tests", "Guardrails.Pipelines.Tests", "Executors", "StandIns", "kubectl"), kubectl);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(kubectl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        log = Path.Combine(this.folder, "calls.log");
        File.WriteAllText(log, string.Empty);
        Bin = bin;
    }

    /// <summary>The folder holding the stand-in <c>kubectl</c>.</summary>
    public string Bin { get; }

    /// <summary>The executor's environment changes: the stand-in first on PATH, and where it logs and writes.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["PATH"] = Bin + Path.PathSeparator + System.Environment.GetEnvironmentVariable("PATH"),
        ["GUARDRAILS_KUBECTL_LOG"] = log,
        ["GUARDRAILS_KUBECTL_APPLIED"] = Path.Combine(folder, "applied"),
        ["GUARDRAILS_KUBECTL_TRAFFIC_FILE"] = trafficFile,
    };

    /// <summary>Every call so far, in order, as its arguments: "annotate ingress web --namespace shop ...".</summary>
    public IReadOnlyList<string> Calls => [.. File.ReadAllLines(log).Where(line => line.Length > 0)];
}
