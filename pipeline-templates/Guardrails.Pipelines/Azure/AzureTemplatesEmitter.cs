using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Pipelines.Adapters;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.Azure;

/// <summary>
/// The Azure Pipelines stage template and the step templates it uses. The deployment job runs
/// <c>strategy: canary</c>: deploy checks the settings and deploys with no traffic, routeTraffic moves
/// traffic to <c>$(strategy.increment)</c>, postRouteTraffic bakes and runs the gate, on.failure rolls back,
/// on.success promotes; a job after it rolls back a cancelled canary.
/// </summary>
public static class AzureTemplatesEmitter
{
    public const string StagePath = "azure/canary-stage.yml";
    public const string CheckSettingsPath = "azure/steps/check-settings.yml";
    public const string TrafficPath = "azure/steps/traffic.yml";
    public const string GatePath = "azure/steps/gate.yml";
    public const string KillSwitchPath = "azure/steps/kill-switch.yml";

    private const string Increment = "$(strategy.increment)";

    public static IReadOnlyList<TemplateFile> Emit(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var inputs = CanaryInputs.For(pipeline).Where(input => input.AppliesTo(CiSystem.AzurePipelines)).ToList();
        var byName = inputs.ToDictionary(input => input.Name);
        var adapters = TrafficAdapters.For(pipeline);
        return
        [
            File(
                pipeline,
                StagePath,
                $"Stage template: a canary release gated on the SLO burn rate. Use it from a repository resource with ref: refs/tags/{pipeline.Tag} as - template: {StagePath}@<alias>.",
                Stage(pipeline, inputs, byName, adapters)),
            File(pipeline, CheckSettingsPath, "Step template: checks the canary settings before anything is deployed.", CheckSettings(pipeline, byName)),
            File(pipeline, TrafficPath, "Step template: deploys, routes, promotes or rolls back through the chosen traffic adapter.", Traffic(byName, adapters)),
            File(pipeline, GatePath, "Step template: installs the Guardrails CLI and runs the burn-rate gate once.", Gate(byName)),
            File(pipeline, KillSwitchPath, "Step template: the rollback's kill switch, which turns feature flags off (guardrails flags off or a command).", KillSwitch(byName)),
        ];
    }

    private static TemplateFile File(CanaryPipeline pipeline, string path, string purpose, YamlMapping root) =>
        new(path, YamlDocumentWriter.Write(GeneratedFileHeader.Lines(pipeline.Version, purpose), root));

    private static YamlMapping Stage(CanaryPipeline pipeline, IReadOnlyList<TemplateInput> inputs, Dictionary<string, TemplateInput> byName, IReadOnlyList<TrafficAdapter> adapters)
    {
        string P(string name) => AzureSteps.Parameter(byName[name]);
        var checkSettings = Template("steps/check-settings.yml", SettingsCheckScript.InputsRead(pipeline).Select(name => byName[name]).Append(KillSwitchInputs.Token));
        var trafficInputs = TrafficParameters(byName, adapters);

        YamlMapping TrafficTemplate(AdapterOperation operation, string percent) =>
            Template("steps/traffic.yml", trafficInputs, ("operation", operation.ToString().ToLowerInvariant()), ("trafficPercent", percent));

        var gate = Template("steps/gate.yml", GateParameters(byName), (GateScript.StepInput.AzureName, Increment + "%"));
        var bake = AzureSteps.Bash(
            "Bake at " + Increment + "%",
            [(byName["bake-minutes"].EnvironmentVariable, P("bake-minutes")), ("GUARDRAILS_TRAFFIC_PERCENT", Increment)],
            """
            set -euo pipefail
            echo "The canary bakes at $GUARDRAILS_TRAFFIC_PERCENT% for $GUARDRAILS_BAKE_MINUTES minutes before the gate reads."
            sleep "$((GUARDRAILS_BAKE_MINUTES * 60))"

            """);

        // No flags, no kill-switch steps: the template is inserted only when the caller names flags.
        var killSwitch = new YamlMapping().Add(
            "${{ if ne(parameters." + KillSwitchInputs.Flags.AzureName + ", '') }}",
            new YamlSequence().Add(Template("steps/kill-switch.yml", KillSwitchParameters(byName))));

        static YamlMapping Hook(params YamlMapping[] steps) =>
            new YamlMapping().Add("steps", new YamlSequence().AddRange(steps));

        var canary = new YamlMapping()
            .Add("increments", P("traffic-steps"))
            .Add(
                "preDeploy",
                Hook(AzureSteps.CheckoutSelf(), checkSettings, TrafficTemplate(AdapterOperation.Deploy, "0")),
                "Runs once. The deploy hook runs again for every increment, which would redeploy the canary at each traffic step.")
            .Add("routeTraffic", Hook(AzureSteps.CheckoutSelf(), TrafficTemplate(AdapterOperation.Route, Increment)))
            .Add("postRouteTraffic", Hook(AzureSteps.CheckoutSelf(), bake, gate))
            .Add("on", new YamlMapping()
                .Add("failure", Hook(AzureSteps.CheckoutSelf(), TrafficTemplate(AdapterOperation.Rollback, "0"), killSwitch), "Any failed hook, the first deploy in preDeploy included, rolls back; rollback is safe to run twice.")
                .Add("success", Hook(AzureSteps.CheckoutSelf(), TrafficTemplate(AdapterOperation.Promote, "100"))));

        var deployment = new YamlMapping()
            .Add("deployment", "GuardrailsCanary")
            .Add("displayName", "Canary release of " + P("service"))
            .Add("pool", P("pool"))
            .Add("environment", P("environment"))
            .Add("timeoutInMinutes", P("timeout-minutes"))
            .Add("strategy", new YamlMapping().Add("canary", canary));

        var rollbackAfterCancel = new YamlMapping()
            .Add("job", "GuardrailsRollbackAfterCancel")
            .Add("displayName", "Roll back a cancelled canary of " + P("service"))
            .Add("dependsOn", "GuardrailsCanary")
            .Add("condition", "canceled()", "Cancelling the run skips on.failure: this job rolls the canary back instead.")
            .Add("pool", P("pool"))
            .Add("timeoutInMinutes", YamlScalar.Number(pipeline.DeployTimeoutMinutes))
            .Add("steps", new YamlSequence().Add(AzureSteps.CheckoutSelf()).Add(TrafficTemplate(AdapterOperation.Rollback, "0")).Add(killSwitch));

        var stage = new YamlMapping()
            .Add("stage", P("stage-name"))
            .Add("displayName", "Canary release of " + P("service"))
            .Add("${{ if ne(length(parameters.dependsOn), 0) }}", new YamlMapping().Add("dependsOn", P("depends-on")), "Without dependsOn the stage follows the previous one, as any stage does.")
            .Add("lockBehavior", "sequential", "With an exclusive lock check on the environment, releases take the lock in turn; none is cancelled for a newer one.")
            .Add("jobs", new YamlSequence().Add(deployment).Add(rollbackAfterCancel));

        return new YamlMapping()
            .Add("parameters", new YamlSequence().AddRange(inputs.Select(AzureSteps.Declaration)))
            .Add("stages", new YamlSequence().Add(stage));
    }

    private static YamlMapping CheckSettings(CanaryPipeline pipeline, Dictionary<string, TemplateInput> byName)
    {
        var read = SettingsCheckScript.InputsRead(pipeline).Select(name => byName[name]).ToList();
        var environment = read.Select(input => (input.EnvironmentVariable, input.Type == TemplateInputType.PercentList
            ? "${{ join(',', parameters." + input.AzureName + ") }}"
            : AzureSteps.Parameter(input))).ToList();
        environment.Add((KillSwitchInputs.TokenGivenVariable, "${{ ne(parameters." + KillSwitchInputs.Token.AzureName + ", '') }}"));
        return new YamlMapping()
            .Add("parameters", new YamlSequence().AddRange(read.Append(KillSwitchInputs.Token).Select(AzureSteps.Declaration)))
            .Add("steps", new YamlSequence().Add(AzureSteps.Bash(
                "Check traffic steps, bake time and adapter settings",
                environment,
                SettingsCheckScript.Render(pipeline, CiSystem.AzurePipelines))));
    }

    private static YamlMapping Traffic(Dictionary<string, TemplateInput> byName, IReadOnlyList<TrafficAdapter> adapters)
    {
        var parameters = new YamlSequence()
            .Add(new YamlMapping()
                .Add("name", "operation")
                .Add("displayName", "What the adapter does.")
                .Add("type", "string")
                .Add("values", new YamlSequence().AddRange(Enum.GetNames<AdapterOperation>().Select(name => YamlScalar.Text(name.ToLowerInvariant())))))
            .Add(new YamlMapping()
                .Add("name", "trafficPercent")
                .Add("displayName", "Percentage of traffic for the route operation.")
                .Add("type", "string")
                .Add("default", YamlScalar.Text("0")))
            .AddRange(TrafficParameters(byName, adapters).Select(AzureSteps.Declaration));

        var steps = new YamlSequence();
        foreach (var adapter in adapters)
        {
            List<(string Variable, string Value)> environment =
            [
                ("GUARDRAILS_OPERATION", AzureSteps.Parameter("operation")),
                ("GUARDRAILS_TRAFFIC_PERCENT", AzureSteps.Parameter("trafficPercent")),
                (byName["service"].EnvironmentVariable, AzureSteps.Parameter(byName["service"])),
                (byName["environment"].EnvironmentVariable, AzureSteps.Parameter(byName["environment"])),
                (byName["service-version"].EnvironmentVariable, AzureSteps.Parameter(byName["service-version"])),
                .. adapter.Settings.Select(setting => (setting.EnvironmentVariable, AzureSteps.Parameter(setting))),
            ];
            var displayName = "${{ parameters.operation }} (" + adapter.Name + " adapter)";
            var adapterSteps = new YamlSequence();
            switch (adapter.Kind)
            {
                case TrafficAdapterKind.Nginx:
                    adapterSteps
                        .Add(new YamlMapping()
                            .Add("task", "Kubernetes@1")
                            .Add("displayName", "Sign in to the cluster")
                            .Add("inputs", new YamlMapping()
                                .Add("connectionType", "Kubernetes Service Connection")
                                .Add("kubernetesServiceEndpoint", AzureSteps.Parameter(byName["kubernetes-service-connection"]))
                                .Add("command", "login")))
                        .Add(AzureSteps.Bash(displayName, environment, adapter.Script));
                    break;
                case TrafficAdapterKind.AzureAppService:
                    adapterSteps.Add(new YamlMapping()
                        .Add("task", "AzureCLI@2")
                        .Add("displayName", displayName)
                        .Add("inputs", new YamlMapping()
                            .Add("azureSubscription", AzureSteps.Parameter(byName["azure-service-connection"]))
                            .Add("scriptType", "bash")
                            .Add("scriptLocation", "inlineScript")
                            .Add("inlineScript", YamlScalar.Script(adapter.Script)))
                        .Add("env", AzureSteps.Environment(environment)));
                    break;
                default:
                    adapterSteps.Add(AzureSteps.Bash(displayName, environment, adapter.Script));
                    break;
            }

            steps.Add(new YamlMapping().Add("${{ if eq(parameters.adapter, '" + adapter.Name + "') }}", adapterSteps));
        }

        return new YamlMapping().Add("parameters", parameters).Add("steps", steps);
    }

    private static YamlMapping Gate(Dictionary<string, TemplateInput> byName)
    {
        var gateInputs = GateParameters(byName).ToList();
        var recordFile = GateScript.RecordFileInput("$(Agent.TempDirectory)/guardrails-gate-record.json");
        var forGate = gateInputs
            .Where(input => !CanaryInputs.CliInputs.Contains(input.Name) && input.Name != "prometheus-token")
            .Append(recordFile)
            .Append(GateScript.StepInput)
            .Select(input => (input.EnvironmentVariable, AzureSteps.Parameter(input)))
            .Append(("GUARDRAILS_PROMETHEUS_TOKEN", AzureSteps.Parameter(byName["prometheus-token"])))
            .ToList();
        List<TemplateInput> forGateInputs = [.. gateInputs.Where(input => input.GateOption is not null), recordFile, GateScript.StepInput];
        var steps = new YamlSequence()
            .Add(new YamlMapping()
                .Add("task", "UseDotNet@2")
                .Add("displayName", "Set up .NET")
                .Add("inputs", new YamlMapping().Add("packageType", "sdk").Add("version", AzureSteps.Parameter(byName["dotnet-version"]))))
            .Add(AzureSteps.Bash(
                "Install the Guardrails CLI",
                [.. CanaryInputs.CliInputs.Where(name => name != "dotnet-version").Select(name => (byName[name].EnvironmentVariable, AzureSteps.Parameter(byName[name])))],
                GateScript.InstallCli(CiSystem.AzurePipelines, fromSource: true)))
            .Add(AzureSteps.Bash("Gate the canary on its SLO burn rate", forGate, GateScript.Run(CiSystem.AzurePipelines, forGateInputs), name: "gate"))
            .Add(new YamlMapping()
                .Add("task", "PublishPipelineArtifact@1")
                .Add("displayName", "Publish the gate record")
                .Add("condition", "succeededOrFailed()")
                .Add("inputs", new YamlMapping()
                    .Add("targetPath", AzureSteps.Parameter(recordFile))
                    .Add("artifact", "guardrails-gate-$(System.JobId)")));
        return new YamlMapping()
            .Add("parameters", new YamlSequence().AddRange(gateInputs.Append(recordFile).Append(GateScript.StepInput).Select(AzureSteps.Declaration)))
            .Add("steps", steps);
    }

    /// <summary>
    /// The kill switch after a rollback, even a failed one: the same CLI as the gate, installed the same way (not
    /// for the command provider), then the flags off; the record of the flags handled is published as an artifact.
    /// </summary>
    private static YamlMapping KillSwitch(Dictionary<string, TemplateInput> byName)
    {
        const string AfterRollback = "succeededOrFailed()";
        var parameters = KillSwitchParameters(byName);
        List<(string Variable, string Value)> environment =
        [
            (byName["service"].EnvironmentVariable, AzureSteps.Parameter(byName["service"])),
            (byName["environment"].EnvironmentVariable, AzureSteps.Parameter(byName["environment"])),
            ("GUARDRAILS_COMMIT", "$(Build.SourceVersion)"),
            .. KillSwitchInputs.Settings.Select(input => (input.EnvironmentVariable, AzureSteps.Parameter(input))),
            (KillSwitchInputs.TokenVariable, AzureSteps.Parameter(KillSwitchInputs.Token)),
        ];
        var installCli = new YamlSequence()
            .Add(new YamlMapping()
                .Add("task", "UseDotNet@2")
                .Add("displayName", "Set up .NET for the kill switch")
                .Add("condition", AfterRollback)
                .Add("inputs", new YamlMapping().Add("packageType", "sdk").Add("version", AzureSteps.Parameter(byName["dotnet-version"]))))
            .Add(AzureSteps.Bash(
                "Install the Guardrails CLI",
                [(byName["guardrails-version"].EnvironmentVariable, AzureSteps.Parameter(byName["guardrails-version"]))],
                GateScript.InstallCli(CiSystem.AzurePipelines)).Add("condition", AfterRollback));
        var steps = new YamlSequence()
            .Add(new YamlMapping().Add("${{ if ne(parameters." + KillSwitchInputs.Provider.AzureName + ", '" + KillSwitchInputs.CommandProvider + "') }}", installCli))
            .Add(AzureSteps.Bash("Turn the feature flags off (kill switch)", environment, KillSwitchScript.Render(CiSystem.AzurePipelines), name: "killSwitch").Add("condition", AfterRollback))
            .Add(new YamlMapping()
                .Add("task", "PublishPipelineArtifact@1")
                .Add("displayName", "Publish the kill switch record")
                .Add("condition", AfterRollback)
                .Add("inputs", new YamlMapping()
                    .Add("targetPath", "$(Agent.TempDirectory)/" + KillSwitchScript.RecordFileName)
                    .Add("artifact", "guardrails-kill-switch-$(System.JobId)")));
        return new YamlMapping()
            .Add("parameters", new YamlSequence().AddRange(parameters.Select(AzureSteps.Declaration)))
            .Add("steps", steps);
    }

    private static IReadOnlyList<TemplateInput> KillSwitchParameters(Dictionary<string, TemplateInput> byName) =>
        [byName["service"], byName["environment"], byName["guardrails-version"], byName["dotnet-version"], .. KillSwitchInputs.All];

    private static IEnumerable<TemplateInput> GateParameters(Dictionary<string, TemplateInput> byName) =>
        [.. CanaryInputs.ForGateStep(byName.Values), byName["prometheus-token"]];

    private static IReadOnlyList<TemplateInput> TrafficParameters(Dictionary<string, TemplateInput> byName, IReadOnlyList<TrafficAdapter> adapters) =>
    [
        byName["service"],
        byName["environment"],
        byName["service-version"],
        byName["adapter"],
        .. adapters.Any(adapter => adapter.Kind == TrafficAdapterKind.Nginx) ? [byName["kubernetes-service-connection"]] : Array.Empty<TemplateInput>(),
        .. adapters.Any(adapter => adapter.Kind == TrafficAdapterKind.AzureAppService) ? [byName["azure-service-connection"]] : Array.Empty<TemplateInput>(),
        .. adapters.SelectMany(adapter => adapter.Settings),
    ];

    /// <summary>A step template reference passing each input through under the same parameter name.</summary>
    private static YamlMapping Template(string path, IEnumerable<TemplateInput> inputs, params (string Name, string Value)[] fixedValues)
    {
        var parameters = new YamlMapping();
        foreach (var (name, value) in fixedValues)
        {
            parameters.Add(name, value);
        }

        foreach (var input in inputs)
        {
            parameters.Add(input.AzureName, AzureSteps.Parameter(input));
        }

        return new YamlMapping().Add("template", path).Add("parameters", parameters);
    }
}
