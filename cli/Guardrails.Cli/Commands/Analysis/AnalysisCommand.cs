using System;
using System.Collections.Generic;
using System.IO;
using Guardrails.Gate;
using Guardrails.Gate.Kubernetes;
using Guardrails.Slo.Prometheus;
using Spectre.Console.Cli;

namespace Guardrails.Cli.Commands.Analysis;

/// <summary>
/// <c>guardrails analysis --for argo|flagger --out DIR</c>: writes the gate as the controller's analysis, from the
/// plan the gate itself would run (same options, same checks, same queries). Exit 0 written, 2 configuration error.
/// </summary>
internal sealed class AnalysisCommand : Command<AnalysisCommandSettings>
{
    private const string Prefix = "guardrails analysis: error: ";

    public override int Execute(CommandContext context, AnalysisCommandSettings settings) =>
        Run(settings, Console.Out, Console.Error, Environment.GetEnvironmentVariable);

    public static int Run(AnalysisCommandSettings settings, TextWriter output, TextWriter error, Func<string, string?> environment)
    {
        var problems = new List<string>();
        AnalysisController? controller = settings.For switch
        {
            "argo" => AnalysisController.Argo,
            "flagger" => AnalysisController.Flagger,
            _ => null,
        };
        if (controller is null)
        {
            problems.Add($"{Prefix}--for '{settings.For}' is not argo or flagger. Choose the controller the analysis is for: --for argo (Argo Rollouts) or --for flagger.");
        }

        if (string.IsNullOrWhiteSpace(settings.Out))
        {
            problems.Add(Prefix + "--out is missing. Give the directory to write the manifests to, e.g. --out deploy/analysis.");
        }

        // --deadline bounds the gate's own process; a controller schedules its reads itself, so the analysis
        // takes whatever schedule the options ask for instead of refusing one longer than the gate's deadline.
        var options = settings.ToOptions();
        if (PrometheusDuration.TryParse(settings.Interval, out var interval) && settings.Samples >= 1
            && PrometheusDuration.TryParse(settings.Window, out var window) && GateOptionChecks.TryParseWarmUp(settings.WarmUp, window.Value, out var warmUp))
        {
            options = options with { Deadline = PrometheusDuration.Format(warmUp + (interval.Value * settings.Samples)) };
        }

        var builder = new GatePlanBuilder(options, environment);
        var plan = builder.Build();
        foreach (var finding in builder.SloFindings)
        {
            error.WriteLine(finding);
        }

        foreach (var problem in builder.Problems)
        {
            // The gate's problems, named for this command: an option's problem is the same whichever command has the option.
            problems.Add(problem.Location is null ? $"guardrails analysis: error {problem.Rule.Id}: {problem.Message}" : problem.ToString());
        }

        if (plan is null || problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                error.WriteLine(problem);
            }

            return GateExitCodes.ConfigurationError;
        }

        Directory.CreateDirectory(settings.Out!);
        foreach (var file in KubernetesAnalysis.Emit(plan, controller!.Value, "guardrails analysis"))
        {
            var path = Path.Combine(settings.Out!, file.Name);
            File.WriteAllText(path, file.Text);
            output.WriteLine($"analysis: wrote {path}");
        }

        return 0;
    }
}
