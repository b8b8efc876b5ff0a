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
            config.AddBranch("flags", flags =>
            {
                flags.SetDescription("The rollback's kill switch: feature flags in Unleash or LaunchDarkly.");
                flags.AddCommand<Commands.Flags.FlagsOffCommand>("off").WithDescription("Turn feature flags off in one environment; a flag already off succeeds. Exit 0 off, 1 failed, 2 usage error.");
            });
            config.AddCommand<Commands.Analysis.AnalysisCommand>("analysis")
                .WithDescription("Write the gate as an Argo Rollouts AnalysisTemplate or Flagger MetricTemplates, from the same SLO and options.");
            config.AddCommand<Commands.Delivery.DoraCommand>("dora")
                .WithDescription("Weekly DORA metrics from git, deployment records or tags, and incidents (md, html, json, csv).");
            config.AddCommand<Commands.Delivery.PrSizeCommand>("pr-size")
                .WithDescription("Size a pull request (XS to XL) without binary, generated and lock files; exit 1 over the limit.");
            config.AddCommand<Commands.Delivery.WipCommand>("wip")
                .WithDescription("Open pull requests per author and team against WIP limits, and the long-lived ones; exit 1 over a limit.");
        });
        return app;
    }
}
