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
            new("bake-minutes", TemplateInputType.Number, "Extra minutes traffic stays at a step before the gate starts; the gate itself first waits its warm-up (one window by default).", Invariant((int)pipeline.BakeTime.TotalMinutes)),
            new("service-version", TemplateInputType.Text, $"Version this run releases, as the deploy command deploys it and as the canary's series carry it in the version-label label; the gate reads only that version's series (gate {GateOptionNames.ServiceVersion}).", null, GateOption: GateOptionNames.ServiceVersion),
            new("slo-file", TemplateInputType.Text, $"SLO file (OpenSLO or Sloth), or a folder searched for them, in the caller's repository (gate {GateOptionNames.Slo}).", GateDefaults.SloPath, GateOption: GateOptionNames.Slo),
            Gate(gate, GateOptionNames.SloName, TemplateInputType.Text, "Name of the SLO whose burn rate gates the canary (empty: the only SLO, or the only availability SLO)."),
            Gate(gate, GateOptionNames.LatencySloName, TemplateInputType.Text, "A second SLO, usually latency, checked at every read with the same limits (empty: none)."),
            new("prometheus-url", TemplateInputType.Text, $"Base URL of the Prometheus HTTP API that holds the canary's metrics (gate {GateOptionNames.Prometheus}).", gate.ValueOf(GateOptionNames.Prometheus), GateOption: GateOptionNames.Prometheus),
            Gate(gate, GateOptionNames.Selector, TemplateInputType.Text, "Label matchers that select the canary's series, such as track=\"canary\"."),
            Gate(gate, GateOptionNames.VersionLabel, TemplateInputType.Text, "Label carrying the version on the canary's series: LABEL=\"service-version\" joins the selector (empty: the selector alone)."),
            Gate(gate, GateOptionNames.Window, TemplateInputType.Text, "Window of each burn-rate read, a Prometheus duration such as 5m or 1h30m."),
            Gate(gate, GateOptionNames.WarmUp, TemplateInputType.Text, $"Wait before the first read: {GateDefaults.WarmUpWindow} (as long as the window, so every read measures only the new version at this step's traffic), 0, or a duration."),
            Gate(gate, GateOptionNames.MaxBurnRate, TemplateInputType.Number, "Highest burn rate a read may show and still count as good."),
            Gate(gate, GateOptionNames.Interval, TemplateInputType.Text, "Time between reads, a Prometheus duration such as 30s or 1m30s."),
            Gate(gate, GateOptionNames.Samples, TemplateInputType.Number, "Reads per traffic step."),
            Gate(gate, GateOptionNames.FailureLimit, TemplateInputType.Number, "Bad reads tolerated before the gate rolls back."),
            Gate(gate, GateOptionNames.ErrorLimit, TemplateInputType.Number, "Failed queries tolerated before the gate rolls back."),
            Gate(gate, GateOptionNames.InconclusiveLimit, TemplateInputType.Number, "Reads without data tolerated under on-no-data inconclusive before the gate ends inconclusive (which rolls back)."),
            Gate(gate, GateOptionNames.MinRequests, TemplateInputType.Number, "Requests the canary must have served over the window (its traffic rate times the window's seconds) before a read counts."),
            Gate(gate, GateOptionNames.OnNoData, TemplateInputType.Text, $"Decision when there is no data or too little traffic: {string.Join(", ", NoDataPolicies.Names.Take(NoDataPolicies.Names.Count - 1))} or {NoDataPolicies.Names[^1]}.", NoDataPolicies.Names),
            Gate(gate, GateOptionNames.TrafficQuery, TemplateInputType.Text, "Canary requests per second as PromQL with {{.window}}, for the traffic floor of a raw error-ratio SLI (empty: the SLI's total query)."),
            Gate(gate, GateOptionNames.QueryTimeout, TemplateInputType.Text, "Bound on each Prometheus HTTP attempt."),
            Gate(gate, GateOptionNames.QueryRetries, TemplateInputType.Number, "Retries of a transient query failure."),
            Gate(gate, GateOptionNames.RetryDelay, TemplateInputType.Text, "First retry delay, doubling with jitter."),
            Gate(gate, GateOptionNames.Deadline, TemplateInputType.Text, "Bound on each gate run, warm-up included; reaching it rolls back."),
            Gate(gate, GateOptionNames.CaBundle, TemplateInputType.Text, "PEM file of CA certificates, in the caller's repository, to trust for an https Prometheus (empty: the system store only)."),
            CliToolInputs.Version(pipeline, "runs the gate"),
            CliToolInputs.Source(),
            CliToolInputs.DotnetVersion(pipeline, "run the gate"),
            new("templates-ref", TemplateInputType.Text, $"Ref of {pipeline.TemplatesRepository} the gate action is checked out from; pin a commit SHA for immutability.", pipeline.IsDevelopmentBuild ? null : pipeline.Tag, CiSystem.GitHubActions),
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

    /// <summary>Bake, the gate's deadline (which bounds its warm-up and every read), and ten minutes for routing and installing the CLI.</summary>
    public static int StepTimeoutMinutes(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var gate = PrometheusDuration.Parse(pipeline.Gate.Deadline).Value;
        return (int)Math.Ceiling((pipeline.BakeTime + gate).TotalMinutes) + 10;
    }

    /// <summary>
    /// The gate options each traffic step sets itself rather than taking from the caller: its record file, its step
    /// name, and the bearer token's variable (filled from the PROMETHEUS_TOKEN secret or the prometheus-token parameter).
    /// </summary>
    public static IReadOnlyList<string> GateOptionsSetPerStep { get; } = [GateOptionNames.Record, GateOptionNames.Step, GateOptionNames.BearerTokenEnv];

    /// <summary>The inputs that install the CLI the gate runs with.</summary>
    public static IReadOnlyList<string> CliInputs { get; } = ["guardrails-version", "guardrails-source", "dotnet-version"];

    /// <summary>The inputs a gate step takes from the caller unchanged: every input passed to a gate option, and the CLI's.</summary>
    public static IReadOnlyList<TemplateInput> ForGateStep(IEnumerable<TemplateInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. inputs.Where(input => input.GateOption is not null || CliInputs.Contains(input.Name))];
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
    /// <remarks>An option the gate leaves unset by default is an input whose empty default passes nothing (the gate reads a blank value as not given).</remarks>
    private static TemplateInput Gate(GateOptions gate, string option, TemplateInputType type, string description, IReadOnlyList<string>? choices = null) =>
        new(option.TrimStart('-'), type, $"{description.TrimEnd('.')} (gate {option}).", gate.ValueOf(option) ?? string.Empty, Choices: choices, GateOption: option);

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
