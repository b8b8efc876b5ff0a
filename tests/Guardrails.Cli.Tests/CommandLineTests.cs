using System;
using System.IO;
using Guardrails.Cli;

namespace Guardrails.Cli.Tests;

/// <summary>What every command shares: a mistyped command line is a usage error, said in one line.</summary>
[NonParallelizable]
public sealed class CommandLineTests
{
    [TestCase("rules", "--bogus")]
    [TestCase("no-such-command")]
    public void A_command_line_guardrails_cannot_parse_exits_2_with_one_line_and_no_stack_trace(params string[] args)
    {
        var error = new StringWriter();
        var originalError = Console.Error;
        Console.SetError(error);
        int exitCode;
        try
        {
            exitCode = Program.Main(args);
        }
        finally
        {
            Console.SetError(originalError);
        }

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.StartWith("guardrails: ").And.Not.Contain("   at "));
    }
}
