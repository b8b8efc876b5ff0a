using System;
using System.IO;
using System.Linq;
using Guardrails.Testing;

namespace Guardrails.Pipelines.Tests;

/// <summary>Every script embedded in the templates passes shellcheck as the bash program it runs as.</summary>
public sealed class ShellcheckTests
{
    [Test]
    public void Every_embedded_script_passes_shellcheck()
    {
        var shellcheck = ExternalTool.Require("shellcheck", "Install Debian's shellcheck package.");
        var directory = ScratchFolders.Create("guardrails-scripts-");
        var scripts = EmittedTemplates.Files
            .SelectMany(file => YamlTree.Scripts(file.Content).Select(script => (file, script)))
            .Select((pair, index) =>
            {
                var name = $"{index:D3}-{pair.file.RelativePath.Replace('/', '_')}-line{pair.script.Line}.sh";
                var path = Path.Combine(directory, name);
                File.WriteAllText(path, "#!/usr/bin/env bash\n" + pair.script.Body);
                return path;
            })
            .ToList();
        Assert.That(scripts, Has.Count.GreaterThan(10));

        var outcome = ProcessRunner.Run(shellcheck, ["--shell=bash", "--severity=style", .. scripts], directory, TimeSpan.FromMinutes(1));

        Assert.That(outcome.ExitCode, Is.Zero, outcome.Output);
    }
}
