using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Pipelines.Adapters;

namespace Guardrails.Pipelines.Model;

/// <summary>
/// Every input of the canary templates, with defaults from the model: one list, so the GitHub Actions
/// workflow, the Azure Pipelines template and their documentation cannot drift apart.
/// </summary>
public static class CanaryInputs
{
    public static IReadOnlyList<TemplateInput> For(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var gate = pipeline.Gate;
        var adapters = TrafficAdapters.For(pipeline);
        var adapterNames = adapters.Select(adapter => adapter.Name).ToArray();
        List<TemplateInput> inputs =
        [
            new("service", TemplateInputType.Text, "Name of the service; labels the deployment record and the deployment lock.", null),
            new("environment", TemplateInputType.Text, "Deployment environment (its approvals and checks apply to every deploy job).", null),
            new("adapter", TemplateInputType.Text, $"How traffic moves to the canary: {string.Join(", ", adapterNames)}.", null, Choices: adapterNames),
            new("traffic-steps", TemplateInputType.PercentList, "Percentages of traffic sent to the canary, in order; the gate runs after each and the last must be 100.", string.Join(",", pipeline.TrafficSteps.Select(Invariant))),
            new("bake-minutes", TemplateInputType.Number, "Minutes traffic stays at a step before the gate starts reading.", Invariant((int)pipeline.BakeTime.TotalMinutes)),
            new("slo-file", TemplateInputType.Text, "Path of the service's SLO file (OpenSLO or Sloth) in the caller's repository.", null),
            new("slo-name", TemplateInputType.Text, "Name of the SLO in that file whose burn rate gates the canary.", null),
            new("prometheus-url", TemplateInputType.Text, "Base URL of the Prometheus HTTP API that holds the canary's metrics.", null),
            new("selector", TemplateInputType.Text, "Label matchers that select the canary's series, such as track=\"canary\".", gate.Selector),
            new("window", TemplateInputType.Text, "Window of each burn-rate read (gate --window).", gate.Window),
            new("max-burn-rate", TemplateInputType.Number, "Highest burn rate a read may show and still count as good (gate --max-burn-rate).", gate.MaxBurnRate.ToString(CultureInfo.InvariantCulture)),
            new("interval", TemplateInputType.Text, "Time between reads (gate --interval).", gate.Interval),
            new("samples", TemplateInputType.Number, "Reads per traffic step (gate --samples).", Invariant(gate.Samples)),
            new("failure-limit", TemplateInputType.Number, "Bad reads tolerated before the gate rolls back (gate --failure-limit).", Invariant(gate.FailureLimit)),
            new("error-limit", TemplateInputType.Number, "Failed queries tolerated before the gate rolls back (gate --error-limit).", Invariant(gate.ErrorLimit)),
            new("min-rps", TemplateInputType.Number, "Requests per second the canary needs before a read counts (gate --min-rps).", gate.MinRps.ToString(CultureInfo.InvariantCulture)),
            new("on-no-data", TemplateInputType.Text, "Decision when there is no data or too little traffic: fail, pass or inconclusive (gate --on-no-data).", gate.OnNoData.ToString().ToLowerInvariant(), Choices: ["fail", "pass", "inconclusive"]),
            new("guardrails-version", TemplateInputType.Text, "Version of the Guardrails.Cli dotnet tool that runs the gate.", pipeline.Version),
            new("dotnet-version", TemplateInputType.Text, ".NET SDK installed to run the gate.", pipeline.DotnetSdkVersion),
            new("templates-ref", TemplateInputType.Text, $"Ref of {pipeline.TemplatesRepository} the gate action is checked out from; pin a commit SHA for immutability.", pipeline.Tag, CiSystem.GitHubActions),
            new("artifact-name", TemplateInputType.Text, "Build artifact of the calling run to download before deploying (empty: none).", string.Empty, CiSystem.GitHubActions),
            new("runs-on", TemplateInputType.Text, "Runner label for every job.", "ubuntu-latest", CiSystem.GitHubActions),
            new("deploy-timeout-minutes", TemplateInputType.Number, "Time limit of the deploy, promote and rollback jobs.", Invariant(pipeline.DeployTimeoutMinutes), CiSystem.GitHubActions),
            new("step-timeout-minutes", TemplateInputType.Number, "Time limit of each traffic step job (route, bake, gate).", Invariant(StepTimeoutMinutes(pipeline)), CiSystem.GitHubActions),
            new("stage-name", TemplateInputType.Text, "Name of the emitted stage, for dependsOn in later stages.", "GuardrailsCanary", CiSystem.AzurePipelines),
            new("depends-on", TemplateInputType.AzureObject, "Stages the canary stage waits for (build and test).", "[]", CiSystem.AzurePipelines),
            new("pool", TemplateInputType.AzureObject, "Agent pool of every job.", "{ vmImage: ubuntu-latest }", CiSystem.AzurePipelines),
            new("timeout-minutes", TemplateInputType.Number, "Time limit of the canary deployment job, all steps included.", Invariant(CanaryTimeoutMinutes(pipeline)), CiSystem.AzurePipelines),
            new("prometheus-token", TemplateInputType.Text, "Bearer token for Prometheus, usually a secret variable macro such as $(PrometheusToken) (empty: none).", string.Empty, CiSystem.AzurePipelines),
        ];
        if (adapters.Any(adapter => adapter.Kind == TrafficAdapterKind.Nginx))
        {
            inputs.Add(new("kubernetes-service-connection", TemplateInputType.Text, "nginx adapter: Kubernetes service connection used by kubectl.", string.Empty, CiSystem.AzurePipelines));
        }

        if (adapters.Any(adapter => adapter.Kind == TrafficAdapterKind.AzureAppService))
        {
            inputs.Add(new("azure-service-connection", TemplateInputType.Text, "azure-app-service adapter: Azure Resource Manager service connection used by az.", string.Empty, CiSystem.AzurePipelines));
        }

        inputs.AddRange(adapters.SelectMany(adapter => adapter.Settings));
        return inputs;
    }

    /// <summary>Bake, every read of the gate, and ten minutes for routing and installing the CLI.</summary>
    public static int StepTimeoutMinutes(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var reads = GateDurations.Parse(pipeline.Gate.Interval) * pipeline.Gate.Samples;
        return (int)Math.Ceiling((pipeline.BakeTime + reads).TotalMinutes) + 10;
    }

    public static int CanaryTimeoutMinutes(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return (StepTimeoutMinutes(pipeline) * pipeline.TrafficSteps.Count) + (2 * pipeline.DeployTimeoutMinutes);
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
