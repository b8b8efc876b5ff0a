using Guardrails.Cli.Commands.Rules;
using Spectre.Console.Cli;

namespace Guardrails.Cli;

public static class Program
{
    public static int Main(string[] args) => CreateApp().Run(args);

    /// <summary>The command tree, shared by Main and the tests that run commands in process.</summary>
    public static CommandApp CreateApp()
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("guardrails");
            config.PropagateExceptions();
            config.AddCommand<RulesCommand>("rules").WithDescription("Write Sloth-compatible Prometheus burn-rate rules for the SLO files, one file per service.");
        });
        return app;
    }
}
