using System;
using Guardrails.Cli.Commands.Rules;
using Spectre.Console.Cli;

namespace Guardrails.Cli;

public static class Program
{
    /// <summary>Every command's exit code for a command line it cannot run: unknown option, bad value.</summary>
    public const int UsageErrorExitCode = 2;

    public static int Main(string[] args)
    {
        try
        {
            return CreateApp().Run(args);
        }
        catch (CommandAppException exception)
        {
            // A mistyped command line deserves one line saying what is wrong, not a stack trace.
            Console.Error.WriteLine($"guardrails: {exception.Message} Run 'guardrails --help' for usage.");
            return UsageErrorExitCode;
        }
    }

    /// <summary>The command tree, shared by Main and the tests that run commands in process.</summary>
    public static CommandApp CreateApp()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("guardrails");
            config.SetApplicationVersion(CliVersion.Text);
            config.ConfigureConsole(ConsoleStyle.Create());
            config.PropagateExceptions();
            config.UseStrictParsing();
            config.AddCommand<Commands.Validate.ValidateCommand>("validate")
                .WithDescription("Check SLO files and runbooks as the build does; exit 0 clean, 1 findings, 2 usage error.");
            config.AddCommand<RulesCommand>("rules").WithDescription("Write Sloth-compatible Prometheus burn-rate rules for the SLO files, one file per service.");
            config.AddBranch("templates", templates =>
            {
                templates.SetDescription("Emit the canary pipeline templates for GitHub Actions and Azure Pipelines, or their release bundle.");
                templates.AddCommand<Commands.Templates.EmitTemplatesCommand>("emit").WithDescription("Write the templates under --out DIR as a templates repository.");
                templates.AddCommand<Commands.Templates.BundleTemplatesCommand>("bundle").WithDescription("Write guardrails-templates-<version>.zip with a SHA-256 manifest.");
                templates.AddCommand<Commands.Templates.PublishTemplatesCommand>("publish").WithDescription("Commit a bundle to the templates repository's default branch, tag vX.Y.Z and print the commit SHA to pin.");
            });
            config.AddCommand<Commands.Gate.GateCommand>("gate")
                .WithDescription("Decide promote (0), roll back (1) or inconclusive (3) from the canary's SLO burn rate in Prometheus.");
        });
        return app;
    }
}
