using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Guardrails.Testing;

namespace Guardrails.Gate.Tests.Kubernetes;

/// <summary>
/// docs/kubernetes.md's examples are copy-paste true: each <c>guardrails analysis</c> command on the page, run as
/// written (from the repository root), writes exactly the YAML the page shows after it, and that YAML is valid
/// against the controller's CRD schema.
/// </summary>
[NonParallelizable]
public sealed partial class KubernetesGuideTests
{
    private static readonly string Guide = File.ReadAllText(RepositoryLayout.PathOf("docs", "kubernetes.md")).ReplaceLineEndings("\n");

    [Test]
    public void Every_example_is_the_output_of_the_command_above_it()
    {
        var examples = Examples().ToList();
        Assert.That(examples.Select(example => example.Arguments[example.Arguments.IndexOf("--for") + 1]), Is.EquivalentTo(Controllers), "one example per controller");
        foreach (var (arguments, files) in examples)
        {
            var run = AnalysisRun.OfFile(RepositoryLayout.PathOf(arguments[arguments.IndexOf("--slo") + 1]), [.. WithoutOptions(arguments, "--slo", "--out")]);

            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(files.Keys, Is.EquivalentTo(run.Files.Keys), "the page shows every file the command writes");
            foreach (var (name, text) in files)
            {
                Assert.That(text, Is.EqualTo(run.Files[name]), $"docs/kubernetes.md shows {name} as the command writes it");
                foreach (var manifest in YamlJson.Documents(text))
                {
                    Assert.That(CrdSchemas.Errors(manifest), Is.Empty, name);
                }
            }
        }
    }

    private static readonly string[] Controllers = ["argo", "flagger"];

    /// <summary>Each <c>sh</c> block running the command, with the <c>yaml file=NAME</c> blocks after it.</summary>
    private static IEnumerable<(List<string> Arguments, Dictionary<string, string> Files)> Examples()
    {
        var blocks = FencedBlock().Matches(Guide);
        (List<string> Arguments, Dictionary<string, string> Files)? current = null;
        foreach (Match block in blocks)
        {
            var info = block.Groups["info"].Value.Trim();
            var body = block.Groups["body"].Value;
            if (info == "sh" && body.StartsWith("guardrails analysis", StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    yield return current.Value;
                }

                current = (ShellWords(body.Replace("\\\n", " ", StringComparison.Ordinal)).Skip(2).ToList(), []);
            }
            else if (info.StartsWith("yaml file=", StringComparison.Ordinal) && current is not null)
            {
                current.Value.Files[info["yaml file=".Length..]] = body;
            }
        }

        if (current is not null)
        {
            yield return current.Value;
        }
    }

    private static IEnumerable<string> WithoutOptions(List<string> arguments, params string[] options)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            if (options.Contains(arguments[index]))
            {
                index++;
                continue;
            }

            yield return arguments[index];
        }
    }

    /// <summary>Splits a command line as a POSIX shell does for the quoting the page uses (single quotes, plain words).</summary>
    private static IEnumerable<string> ShellWords(string line) =>
        ShellWord().Matches(line).Select(match => match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["plain"].Value);

    [GeneratedRegex(@"^```(?<info>[^\n]*)\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedBlock();

    [GeneratedRegex(@"'(?<quoted>[^']*)'|(?<plain>[^\s']+)")]
    private static partial Regex ShellWord();
}
