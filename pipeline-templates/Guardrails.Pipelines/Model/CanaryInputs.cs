using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Gate;
using Guardrails.Pipelines.Adapters;
using Guardrails.Slo.Prometheus;

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
            new("slo-file", TemplateInputType.Text, "Path of the service's SLO file (OpenSLO or Sloth) in the caller's repository.", null, GateOption: GateOptionNames.Slo),
            new("slo-name", TemplateInputType.Text, "Name of the SLO in that file whose burn rate gates the canary.", null, GateOption: GateOptionNames.SloName),
            new("prometheus-url", TemplateInputType.Text, "Base URL of the Prometheus HTTP API that holds the canary's metrics.", null, GateOption: GateOptionNames.Prometheus),
            Gate(gate, GateOptionNames.Selector, TemplateInputType.Text, "Label matchers that select the canary's series, such as track=\"canary\"."),
            Gate(gate, GateOptionNames.Window, TemplateInputType.Text, "Window of each burn-rate read, a Prometheus duration such as 5m or 1h30m."),
            Gate(gate, GateOptionNames.MaxBurnRate, TemplateInputType.Number, "Highest burn rate a read may show and still count as good."),
            Gate(gate, GateOptionNames.Interval, TemplateInputType.Text, "Time between reads, a Prometheus duration such as 30s or 1m30s."),
            Gate(gate, GateOptionNames.Samples, TemplateInputType.Number, "Reads per traffic step."),
            Gate(gate, GateOptionNames.FailureLimit, TemplateInputType.Number, "Bad reads tolerated before the gate rolls back."),
            Gate(gate, GateOptionNames.ErrorLimit, TemplateInputType.Number, "Failed queries tolerated before the gate rolls back."),
            Gate(gate, GateOptionNames.MinRps, TemplateInputType.Number, "Requests per second the canary needs before a read counts."),
            Gate(gate, GateOptionNames.OnNoData, TemplateInputType.Text, $"Decision when there is no data or too little traffic: {string.Join(", ", NoDataPolicies.Names.Take(NoDataPolicies.Names.Count - 1))} or {NoDataPolicies.Names[^1]}.", NoDataPolicies.Names),
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
        inputs.AddRange(KillSwitchInputs.All);
        return inputs;
    }

    /// <summary>Bake, every read of the gate, and ten minutes for routing and installing the CLI.</summary>
    public static int StepTimeoutMinutes(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var reads = PrometheusDuration.Parse(pipeline.Gate.Interval).Value * pipeline.Gate.Samples;
        return (int)Math.Ceiling((pipeline.BakeTime + reads).TotalMinutes) + 10;
    }

    public static int CanaryTimeoutMinutes(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        return (StepTimeoutMinutes(pipeline) * pipeline.TrafficSteps.Count) + (2 * pipeline.DeployTimeoutMinutes);
    }

    /// <summary>
    /// An input passed to the gate option of the same name: its default is the pipeline's value of that option,
    /// which unless a team overrides it is the gate's own default.
    /// </summary>
    private static TemplateInput Gate(GateOptions gate, string option, TemplateInputType type, string description, IReadOnlyList<string>? choices = null) =>
        new(option.TrimStart('-'), type, $"{description.TrimEnd('.')} (gate {option}).", gate.ValueOf(option), Choices: choices, GateOption: option);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
