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
            config.AddCommand<Commands.Validate.ValidateCommand>("validate")
                .WithDescription("Check SLO files and runbooks as the build does; exit 0 clean, 1 findings, 2 usage error.");
        });
        return app;
    }
}
