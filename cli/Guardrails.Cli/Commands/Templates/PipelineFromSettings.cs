using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Diagnostics;
using Guardrails.Pipelines;
using Guardrails.Pipelines.Adapters;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Validation;

namespace Guardrails.Cli.Commands.Templates;

/// <summary>Builds the pipeline model from the command line and generates the templates, or the findings.</summary>
internal static class PipelineFromSettings
{
    private const string Source = "guardrails templates";

    public static TemplateGeneration Generate(TemplateSettings settings)
    {
        var findings = new List<Finding>();
        var pipeline = new CanaryPipeline { Version = settings.Version ?? CliVersion.Release };
        if (settings.TrafficSteps is { } steps)
        {
            var parsed = steps.Split(',', StringSplitOptions.TrimEntries)
                .Select(step => int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var percent) ? percent : (int?)null)
                .ToList();
            if (parsed.Any(step => step is null))
            {
                findings.Add(new Finding(TemplateRules.InvalidTrafficSteps, SourceSpan.WholeFile(Source), $"--traffic-steps '{steps}' is not a comma-separated list of whole percentages such as 10,25,50,100."));
            }
            else
            {
                pipeline = pipeline with { TrafficSteps = [.. parsed.Select(step => step!.Value)] };
            }
        }

        if (settings.BakeMinutes is { } minutes)
        {
            pipeline = pipeline with { BakeTime = TimeSpan.FromMinutes(minutes) };
        }

        if (settings.Adapters is { } adapters)
        {
            var kinds = new List<TrafficAdapterKind>();
            foreach (var name in adapters.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (TrafficAdapters.Named(name) is { } adapter)
                {
                    kinds.Add(adapter.Kind);
                }
                else
                {
                    findings.Add(new Finding(TemplateRules.UnknownTrafficAdapter, SourceSpan.WholeFile(Source), $"--adapters: '{name}' is not one of nginx, azure-app-service, script."));
                }
            }

            pipeline = pipeline with { Adapters = kinds };
        }

        if (settings.TemplatesRepository is { } repository)
        {
            pipeline = pipeline with { TemplatesRepository = repository };
        }

        return findings.Count > 0
            ? new TemplateGeneration(pipeline.Version, [], findings)
            : PipelineTemplateGenerator.Generate(pipeline, Source);
    }

    /// <summary>The findings come from options, not from a file, so they name the command instead of a position.</summary>
    public static void Report(IEnumerable<Finding> findings)
    {
        foreach (var finding in findings)
        {
            Console.Error.WriteLine($"{Source}: error {finding.Rule.Id}: {finding.Message}");
        }
    }
}
