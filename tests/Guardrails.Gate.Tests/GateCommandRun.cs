using System;
using System.IO;
using System.Threading.Tasks;

namespace Guardrails.Gate.Tests;

/// <summary>Runs <c>guardrails gate ...</c> in process, as the pipeline would, capturing what it prints.</summary>
internal sealed record GateCommandRun(int ExitCode, string Output, string Errors)
{
    private static readonly object ConsoleLock = new();

    public static GateCommandRun Of(params string[] arguments)
    {
        lock (ConsoleLock)
        {
            var originalOut = Console.Out;
            var originalError = Console.Error;
            using var output = new StringWriter();
            using var errors = new StringWriter();
            Console.SetOut(output);
            Console.SetError(errors);
            try
            {
                var exitCode = Guardrails.Cli.Program.CreateApp().Run(["gate", .. arguments]);
                return new GateCommandRun(exitCode, output.ToString(), errors.ToString());
            }
            finally
            {
                Console.SetOut(originalOut);
                Console.SetError(originalError);
            }
        }
    }

    public static Task<GateCommandRun> OfAsync(params string[] arguments) => Task.Run(() => Of(arguments));

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Errors}";
}
