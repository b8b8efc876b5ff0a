using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Guardrails.Delivery.Git;

/// <summary>
/// Runs one git process in a repository and streams its output. Every reader in this library asks git
/// once for everything it needs (a whole history, every tag, a whole diff), never once per commit.
/// </summary>
internal sealed class GitCli
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(30);

    private readonly string repository;

    public GitCli(string repository)
    {
        this.repository = repository;
    }

    public string Repository => repository;

    /// <summary>The output lines (split on <paramref name="separator"/>, which also ends each input line); throws <see cref="GitCommandException"/> on a non-zero exit.</summary>
    public IEnumerable<string> Stream(IReadOnlyList<string> arguments, IEnumerable<string>? input = null, char separator = '\n')
    {
        using var process = Start(arguments, input is not null);
        var errors = process.StandardError.ReadToEndAsync();
        Task? writer = null;
        if (input is not null)
        {
            // Written beside the reader so neither side waits for the other's pipe to drain.
            writer = Task.Run(() =>
            {
                try
                {
                    using var stdin = process.StandardInput;
                    foreach (var line in input)
                    {
                        stdin.Write(line);
                        stdin.Write(separator);
                    }
                }
                catch (IOException)
                {
                    // git stopped reading (it failed, or needs no more); its exit code and message say why.
                }
            });
        }

        var reader = process.StandardOutput;
        var current = new StringBuilder();
        var buffer = new char[65536];
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            var start = 0;
            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == separator)
                {
                    current.Append(buffer, start, i - start);
                    yield return current.ToString();
                    current.Clear();
                    start = i + 1;
                }
            }

            current.Append(buffer, start, read - start);
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }

        writer?.GetAwaiter().GetResult();
        // Standard output has ended, so git is exiting; a git that still does not exit is stuck.
        if (!process.WaitForExit(ExitTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new GitCommandException($"git {string.Join(' ', arguments)} closed its output but did not exit within {ExitTimeout.TotalSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new GitCommandException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.GetAwaiter().GetResult().Trim()}");
        }
    }

    public string Run(params string[] arguments) => string.Join('\n', Stream(arguments)).Trim();

    private Process Start(IReadOnlyList<string> arguments, bool redirectInput)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(repository);

        // Paths as they are (no octal escapes) and no pager or prompt, whatever the user's config says.
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        start.Environment["GIT_PAGER"] = "cat";
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new GitCommandException("git could not be started.");
        }
        catch (Win32Exception exception)
        {
            throw new GitCommandException($"git could not be started ({exception.Message}); install git and put it on PATH.", exception);
        }
        catch (IOException exception)
        {
            throw new GitCommandException($"git could not be started ({exception.Message}).", exception);
        }
    }
}
