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
            config.AddBranch("templates", templates =>
            {
                templates.SetDescription("Emit the canary pipeline templates for GitHub Actions and Azure Pipelines, or their release bundle.");
                templates.AddCommand<Commands.Templates.EmitTemplatesCommand>("emit").WithDescription("Write the templates under --out DIR as a templates repository.");
                templates.AddCommand<Commands.Templates.BundleTemplatesCommand>("bundle").WithDescription("Write guardrails-templates-<version>.zip with a SHA-256 manifest.");
            });
        });
        return app;
    }
}
