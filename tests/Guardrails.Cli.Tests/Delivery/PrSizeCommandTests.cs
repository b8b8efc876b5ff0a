using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Guardrails.Cli.Commands.Delivery;
using Guardrails.Testing;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Tests.Delivery;

/// <summary><c>guardrails pr-size</c> on a real branch with every kind of file the size leaves out.</summary>
public sealed class PrSizeCommandTests
{
    [Test]
    public void Counts_added_and_deleted_lines_of_reviewed_files_and_lists_what_was_left_out()
    {
        using var git = Branch();
        var (exit, output, _) = Run(["--repository", git.Path, "--base", "main", "--head", "feature", "--format", "json"]);

        Assert.That(exit, Is.EqualTo(0));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;

        // src/App.cs +3 -1 (one line changed, two added), docs/readme.md +2.
        Assert.That((root.GetProperty("added").GetInt32(), root.GetProperty("deleted").GetInt32(), root.GetProperty("changedLines").GetInt32(), root.GetProperty("files").GetInt32()), Is.EqualTo((5, 1, 6, 2)));
        var excluded = root.GetProperty("excluded").EnumerateArray().ToDictionary(file => file.GetProperty("path").GetString()!, file => file.GetProperty("reason").GetString());
        Assert.That(excluded, Is.EquivalentTo(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["package-lock.json"] = "lock file",
            ["src/Form1.Designer.cs"] = "generated C#",
            ["src/Parser.g.cs"] = "generated C#",
            ["src/View.g.i.cs"] = "generated C#",
            ["logo.png"] = "binary",
            ["gen/client.ts"] = "linguist-generated",
            ["tests/output.snap"] = "-diff",
        }));
        Assert.That(root.GetProperty("size").GetString(), Is.EqualTo("XS"));
        Assert.That(root.GetProperty("overLimit").GetBoolean(), Is.False);
        Assert.That(root.GetProperty("largest")[0].GetProperty("path").GetString(), Is.EqualTo("src/App.cs"));
    }

    [Test]
    public void Over_the_limit_exits_1_unless_overridden_and_the_thresholds_set_the_size()
    {
        using var git = Branch();

        var over = Run(["--repository", git.Path, "--base", "main", "--head", "feature", "--max-lines", "5"]);
        var overridden = Run(["--repository", git.Path, "--base", "main", "--head", "feature", "--max-lines", "5", "--override"]);
        var tooManyFiles = Run(["--repository", git.Path, "--base", "main", "--head", "feature", "--max-files", "1", "--sizes", "2,4,6,8"]);

        Assert.That(over.Exit, Is.EqualTo(1));
        Assert.That(over.Output, Does.StartWith("Pull request size: XS (6 changed lines, +5 -1, in 2 files; --max-lines 5)").And.Contain("Over the limit").And.Contain("package-lock.json (lock file)"));
        Assert.That(overridden.Exit, Is.EqualTo(0));
        Assert.That(overridden.Output, Does.Contain("overridden"));
        Assert.That(tooManyFiles.Exit, Is.EqualTo(1));
        Assert.That(tooManyFiles.Output, Does.StartWith("Pull request size: L "));
    }

    [TestCase("--base", "no-such-branch", "GR6004", "--base 'no-such-branch' is not a commit")]
    [TestCase("--sizes", "10,5,20,30", "GR6007", "four increasing positive line counts")]
    [TestCase("--max-lines", "0", "GR6007", "--max-lines 0 must be 1 or more")]
    public void Bad_input_is_a_clear_error(string option, string value, string id, string message)
    {
        using var git = Branch();
        var arguments = new[] { "--repository", git.Path, "--base", "main", "--head", "feature" }.Where((_, index) => option != "--base" || index is not (2 or 3)).ToArray();

        var (exit, _, error) = Run([.. arguments, option, value]);

        Assert.That(exit, Is.EqualTo(2));
        Assert.That(error, Does.Contain($"error {id}: ").And.Contain(message).And.Not.Contain("   at "));
    }

    private static GitHistory Branch()
    {
        var git = GitHistory.Create();
        git.Commit("2026-01-05T10:00:00Z", file: "src/App.cs", text: "class App\n{\n}\n");
        git.Commit("2026-01-05T10:05:00Z", file: ".gitattributes", text: "gen/** linguist-generated\n*.snap -diff\n");
        git.Branch("feature");
        git.Checkout("feature");
        Write(git, "src/App.cs", "sealed class App\n{\n    int a;\n    int b;\n}\n");
        Write(git, "docs/readme.md", "# App\nHello\n");
        Write(git, "package-lock.json", string.Concat(Enumerable.Repeat("{}\n", 400)));
        Write(git, "src/Form1.Designer.cs", "partial class Form1 { }\n");
        Write(git, "src/Parser.g.cs", "class Parser { }\n");
        Write(git, "src/View.g.i.cs", "class View { }\n");
        Write(git, "gen/client.ts", "export const x = 1;\n");
        Write(git, "tests/output.snap", "snapshot\n");
        File.WriteAllBytes(Path.Combine(git.Path, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        git.Git("2026-01-06T10:00:00Z", "add", "--all");
        git.Git("2026-01-06T10:00:00Z", "commit", "--quiet", "--message", "feature");
        return git;
    }

    private static void Write(GitHistory git, string path, string text)
    {
        var full = Path.Combine(git.Path, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private static (int Exit, string Output, string Error) Run(string[] arguments)
    {
        PrSizeSettings? captured = null;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddDelegate<PrSizeSettings>("pr-size", (_, settings) =>
            {
                captured = settings;
                return 0;
            });
        });
        app.Run(["pr-size", .. arguments]);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = new PrSizeRun(output, error).Run(captured!);
        return (exit, output.ToString(), error.ToString());
    }
}
