using System;
using Spectre.Console;

namespace Guardrails.Cli;

/// <summary>
/// Whether the tool may colour and redraw its output: not when the output goes to a pipe or a file (CI logs,
/// <c>| grep</c>), and not when NO_COLOR is set (no-color.org). Help, errors and gate progress all ask here.
/// </summary>
internal static class ConsoleStyle
{
    /// <summary>True when output must be plain text.</summary>
    public static bool IsPlain(Func<string, string?> environment, bool outputRedirected) =>
        outputRedirected || !string.IsNullOrEmpty(environment("NO_COLOR"));

    public static bool IsPlain() => IsPlain(Environment.GetEnvironmentVariable, Console.IsOutputRedirected);

    /// <summary>The console the command-line framework writes help and messages to, without ANSI codes when plain.</summary>
    public static IAnsiConsole Create() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = IsPlain() ? AnsiSupport.No : AnsiSupport.Detect,
        ColorSystem = IsPlain() ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        Out = new AnsiConsoleOutput(Console.Out),
    });
}
