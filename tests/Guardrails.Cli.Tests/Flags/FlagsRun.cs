using System;
using System.IO;

namespace Guardrails.Cli.Tests.Flags;

/// <summary>Runs <c>guardrails flags off ...</c> in process, as a rollback step would, with the token in an environment variable.</summary>
internal sealed record FlagsRun(int ExitCode, string Output, string Errors)
{
    public const string TokenVariable = "GUARDRAILS_TEST_FLAG_TOKEN";

    public static FlagsRun Off(string token, params string[] arguments)
    {
        var originalOut = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        Console.SetOut(output);
        Console.SetError(errors);
        Environment.SetEnvironmentVariable(TokenVariable, token);
        try
        {
            var exitCode = Program.CreateApp().Run(["flags", "off", "--token-env", TokenVariable, .. arguments]);
            return new FlagsRun(exitCode, output.ToString(), errors.ToString());
        }
        finally
        {
            Environment.SetEnvironmentVariable(TokenVariable, null);
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}
