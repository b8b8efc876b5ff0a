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
            config.AddCommand<Commands.Gate.GateCommand>("gate")
                .WithDescription("Decide promote (0), roll back (1) or inconclusive (3) from the canary's SLO burn rate in Prometheus.");
        });
        return app;
    }
}
