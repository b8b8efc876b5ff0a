using System;
using System.Collections.Generic;
using System.Linq;
using Guardrails.Pipelines.Adapters;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Scripts;
using Guardrails.Pipelines.Yaml;

namespace Guardrails.Pipelines.GitHub;

/// <summary>
/// The reusable workflow (<c>on: workflow_call</c>): plan → deploy-canary → one traffic job per step
/// (a matrix run one at a time, stopped at the first failure) → promote; rollback runs after a failure or a
/// cancellation of any of them, the failed first deploy included; record always writes the outcome.
/// </summary>
public static class GitHubWorkflowEmitter
{
    public const string Path = ".github/workflows/guardrails-canary.yml";

    private static readonly string PlanJob = CanaryStages.CheckSettings.Id;
    private static readonly string DeployJob = CanaryStages.DeployCanary.Id;
    private static readonly string RecordJob = CanaryStages.Record.Id;
    private const string GateRecordsFolder = "guardrails-gate-records";

    /// <summary>Secrets the workflow declares; a caller passes each by name, never with <c>secrets: inherit</c>.</summary>
    internal static readonly IReadOnlyList<(string Name, string Description, string Variable)> Secrets =
    [
        ("KUBECONFIG", "nginx adapter: kubeconfig with rights to apply the manifests and annotate the canary Ingress.", "GUARDRAILS_KUBECONFIG"),
        ("AZURE_CLIENT_ID", "azure-app-service adapter: client ID of the service principal.", "GUARDRAILS_AZURE_CLIENT_ID"),
        ("AZURE_CLIENT_SECRET", "azure-app-service adapter: client secret of the service principal.", "GUARDRAILS_AZURE_CLIENT_SECRET"),
        ("AZURE_TENANT_ID", "azure-app-service adapter: tenant of the service principal.", "GUARDRAILS_AZURE_TENANT_ID"),
        ("AZURE_SUBSCRIPTION_ID", "azure-app-service adapter: subscription of the web app.", "GUARDRAILS_AZURE_SUBSCRIPTION_ID"),
        ("PROMETHEUS_TOKEN", "Bearer token for Prometheus, if it needs one.", "GUARDRAILS_PROMETHEUS_TOKEN"),
        (KillSwitchSecret, "Kill switch: API token of the flag service (Unleash admin API token, LaunchDarkly access token with writer rights).", KillSwitchInputs.TokenVariable),
    ];

    private const string KillSwitchSecret = "KILL_SWITCH_TOKEN";
    private const string KillSwitchStep = "kill-switch";

    public static TemplateFile Emit(CanaryPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var inputs = CanaryInputs.For(pipeline).Where(input => input.AppliesTo(CiSystem.GitHubActions)).ToList();
        var context = new EmitContext(pipeline, inputs.ToDictionary(input => input.Name), TrafficAdapters.For(pipeline));

        var root = new YamlMapping()
            .Add("name", "Guardrails canary release")
            .Add("on", new YamlMapping().Add("workflow_call", WorkflowCall(inputs)))
            .Add("permissions", new YamlMapping().Add("contents", "read"), "Least privilege: every job reads the repository at most; no job is granted more.")
            .Add("jobs", Jobs(context));

        var header = GeneratedFileHeader.Lines(
            pipeline.Version,
            $"Canary release for GitHub Actions: call it with uses: {pipeline.TemplatesRepository}/{Path}@<commit SHA of {pipeline.Tag}>.");
        return new TemplateFile(Path, YamlDocumentWriter.Write(header, root));
    }

    /// <summary>One job per stage of the model, each waiting for every stage before it.</summary>
    private static YamlMapping Jobs(EmitContext context)
    {
        var jobs = new YamlMapping();
        var earlier = new List<string>();
        foreach (var stage in CanaryStages.All)
        {
            string[] needs = [.. earlier];
            var job = stage switch
            {
                _ when stage == CanaryStages.CheckSettings => Plan(context, stage),
                _ when stage == CanaryStages.DeployCanary => Deploy(context, stage, needs),
                _ when stage == CanaryStages.TrafficSteps => Traffic(context, stage, needs),
                _ when stage == CanaryStages.Promote => Promote(context, stage, needs),
                _ when stage == CanaryStages.Rollback => Rollback(context, stage, needs),
                _ when stage == CanaryStages.Record => Record(context, stage, needs),
                _ => throw new InvalidOperationException($"No GitHub Actions job for the stage '{stage.Id}'."),
            };
            jobs.Add(stage.Id, job);
            earlier.Add(stage.Id);
        }

        return jobs;
    }

    private static YamlMapping WorkflowCall(IReadOnlyList<TemplateInput> inputs)
    {
        var declared = GitHubWorkflowInputs.Declare(inputs);
        var secrets = new YamlMapping();
        foreach (var (name, description, _) in Secrets)
        {
            secrets.Add(name, new YamlMapping().Add("description", description).Add("required", YamlScalar.Boolean(false)));
        }

        var outputs = new YamlMapping()
            .Add("result", new YamlMapping()
                .Add("description", "promoted, rolled-back, rollback-failed, invalid-settings or failed.")
                .Add("value", "${{ jobs." + RecordJob + ".outputs.result }}"))
            .Add("deployment-record", new YamlMapping()
                .Add("description", "JSON deployment record: service, environment, commit, run, result, and every gate record.")
                .Add("value", "${{ jobs." + RecordJob + ".outputs.record }}"));

        return new YamlMapping().Add("inputs", declared).Add("secrets", secrets).Add("outputs", outputs);
    }

    private static YamlMapping Plan(EmitContext context, CanaryStage stage)
    {
        var environment = SettingsCheckScript.InputsRead(context.Pipeline)
            .Select(name => context.Inputs[name])
            .Select(input => (input.EnvironmentVariable, GitHubSteps.Input(input)))
            .Append((KillSwitchInputs.TokenGivenVariable, "${{ secrets." + KillSwitchSecret + " != '' }}"))
            .ToList();
        return Job(stage.Title, needs: null, YamlScalar.Number(5))
            .Add("permissions", new YamlMapping(), "Reads only its inputs: no token scope at all.")
            .Add("outputs", new YamlMapping().Add("traffic-steps", "${{ steps.check.outputs.traffic-steps }}"))
            .Add("steps", new YamlSequence().Add(GitHubSteps.Run(
                "Check traffic steps, bake time and adapter settings",
                environment,
                SettingsCheckScript.Render(context.Pipeline, CiSystem.GitHubActions),
                id: "check")));
    }

    private static YamlMapping Deploy(EmitContext context, CanaryStage stage, string[] needs)
    {
        var steps = new YamlSequence()
            .Add(GitHubSteps.Checkout("Check out the caller's manifests, scripts and SLO files"))
            .Add(new YamlMapping()
                .Add("name", "Download the build artifact")
                .Add("if", "inputs.artifact-name != ''")
                .Add("uses", GitHubSteps.Uses(PinnedAction.DownloadArtifact))
                .Add("with", new YamlMapping().Add("name", "${{ inputs.artifact-name }}")));
        steps.AddRange(AdapterSteps(context, AdapterOperation.Deploy));
        return DeployingJob(stage.Title, needs, DeployTimeout, "deploy")
            .Add("steps", steps);
    }

    private static YamlMapping Traffic(EmitContext context, CanaryStage stage, string[] needs)
    {
        var inputs = context.Inputs;
        var gateInputs = new YamlMapping();
        foreach (var input in GitHubGateActionEmitter.ForwardedInputs(context.Pipeline))
        {
            gateInputs.Add(input.Name, GitHubSteps.Input(input));
        }

        gateInputs
            .Add("record-file", "guardrails-gate-${{ matrix.traffic-percent }}.json")
            .Add(GateScript.StepInput.Name, "${{ matrix.traffic-percent }}%")
            .Add("artifact-name", "guardrails-gate-${{ inputs.service }}-${{ matrix.traffic-percent }}");

        var steps = new YamlSequence().Add(GitHubSteps.Checkout("Check out the caller's SLO file and scripts"));
        steps.AddRange(AdapterSteps(context, AdapterOperation.Route));
        steps.Add(GitHubSteps.Run(
                "Bake at ${{ matrix.traffic-percent }}%",
                [(inputs["bake-minutes"].EnvironmentVariable, GitHubSteps.Input(inputs["bake-minutes"])), ("GUARDRAILS_TRAFFIC_PERCENT", "${{ matrix.traffic-percent }}")],
                """
                set -euo pipefail
                echo "The canary bakes at $GUARDRAILS_TRAFFIC_PERCENT% for $GUARDRAILS_BAKE_MINUTES minutes before the gate reads."
                sleep "$((GUARDRAILS_BAKE_MINUTES * 60))"

                """))
            .Add(GitHubSteps.Checkout(
                "Check out the Guardrails gate action",
                new YamlMapping()
                    .Add("repository", context.Pipeline.TemplatesRepository)
                    .Add("ref", GitHubSteps.Input(inputs["templates-ref"]))
                    .Add("path", ".guardrails/templates")))
            .Add(new YamlMapping()
                .Add("name", "Gate the canary on its SLO burn rate")
                .Add("uses", "./.guardrails/templates/" + GitHubGateActionEmitter.Folder)
                .Add("env", new YamlMapping().Add("GUARDRAILS_PROMETHEUS_TOKEN", "${{ secrets.PROMETHEUS_TOKEN }}"))
                .Add("with", gateInputs));

        var oneStepAtATime = new YamlMapping()
            .Add("fail-fast", YamlScalar.Boolean(true))
            .Add("max-parallel", YamlScalar.Number(1))
            .Add("matrix", new YamlMapping().Add("traffic-percent", "${{ fromJSON(needs." + PlanJob + ".outputs.traffic-steps) }}"));
        return new YamlMapping()
            .Add("name", stage.Title + ": ${{ matrix.traffic-percent }}%")
            .Add("needs", Needs(needs))
            .Add("strategy", oneStepAtATime, "One step at a time, in order; the first failed gate cancels the steps after it.")
            .Add("runs-on", "${{ inputs.runs-on }}")
            .Add("timeout-minutes", "${{ inputs.step-timeout-minutes }}")
            .Add("environment", "${{ inputs.environment }}")
            .Add("permissions", new YamlMapping().Add("contents", "read"), "contents: read to check out the caller's SLO file and scripts and the gate action.")
            .Add("concurrency", Concurrency("traffic-${{ matrix.traffic-percent }}"))
            .Add("steps", steps);
    }

    private static YamlMapping Promote(EmitContext context, CanaryStage stage, string[] needs)
    {
        var steps = new YamlSequence().Add(GitHubSteps.Checkout("Check out the caller's manifests and scripts"));
        steps.AddRange(AdapterSteps(context, AdapterOperation.Promote));
        return DeployingJob(stage.Title, needs, DeployTimeout, "promote")
            .Add("steps", steps);
    }

    private static YamlMapping Rollback(EmitContext context, CanaryStage stage, string[] needs)
    {
        var steps = new YamlSequence().Add(GitHubSteps.Checkout("Check out the caller's manifests and scripts"));
        steps.AddRange(AdapterSteps(context, AdapterOperation.Rollback));
        steps.AddRange(KillSwitchSteps(context));
        return DeployingJob(stage.Title, needs, DeployTimeout, "rollback", ConditionFor(stage))
            .Add("outputs", new YamlMapping().Add("flags", "${{ steps." + KillSwitchStep + ".outputs.flags }}"))
            .Add("steps", steps);
    }

    /// <summary>
    /// The kill switch, after the traffic rollback and even when that failed: turns the flags off with the same CLI
    /// the gate runs, installed the same way (the command provider needs no CLI). No flags, no steps run.
    /// </summary>
    private static IEnumerable<YamlMapping> KillSwitchSteps(EmitContext context)
    {
        var inputs = context.Inputs;
        var whenFlags = "always() && inputs." + KillSwitchInputs.Flags.Name + " != ''";
        var whenCli = whenFlags + " && inputs." + KillSwitchInputs.Provider.Name + " != '" + KillSwitchInputs.CommandProvider + "'";
        yield return new YamlMapping()
            .Add("name", "Set up .NET for the kill switch")
            .Add("if", whenCli)
            .Add("uses", GitHubSteps.Uses(PinnedAction.SetupDotnet))
            .Add("with", new YamlMapping().Add("dotnet-version", GitHubSteps.Input(inputs["dotnet-version"])));
        yield return GitHubSteps.Run(
            "Install the Guardrails CLI",
            [(inputs["guardrails-version"].EnvironmentVariable, GitHubSteps.Input(inputs["guardrails-version"]))],
            GateScript.InstallCli(CiSystem.GitHubActions),
            whenCli);
        List<(string Variable, string Value)> environment =
        [
            (inputs["service"].EnvironmentVariable, GitHubSteps.Input(inputs["service"])),
            (inputs["environment"].EnvironmentVariable, GitHubSteps.Input(inputs["environment"])),
            ("GUARDRAILS_COMMIT", "${{ github.sha }}"),
            .. KillSwitchInputs.Settings.Select(input => (input.EnvironmentVariable, GitHubSteps.Input(input))),
            (KillSwitchInputs.TokenVariable, "${{ secrets." + KillSwitchSecret + " }}"),
        ];
        yield return GitHubSteps.Run("Turn the feature flags off (kill switch)", environment, KillSwitchScript.Render(CiSystem.GitHubActions), whenFlags, id: KillSwitchStep);
    }

    private static YamlMapping Record(EmitContext context, CanaryStage stage, string[] needs)
    {
        List<(string Variable, string Value)> environment =
        [
            ("GUARDRAILS_SERVICE", GitHubSteps.Input(context.Inputs["service"])),
            ("GUARDRAILS_ENVIRONMENT", GitHubSteps.Input(context.Inputs["environment"])),
            ("GUARDRAILS_COMMIT", "${{ github.sha }}"),
            ("GUARDRAILS_RUN_URL", "${{ github.server_url }}/${{ github.repository }}/actions/runs/${{ github.run_id }}"),
            ("GUARDRAILS_TEMPLATES_VERSION", context.Pipeline.Version),
            .. needs.Select(job => ("GUARDRAILS_" + job.ToUpperInvariant().Replace('-', '_') + "_RESULT", "${{ needs." + job + ".result }}")),
            ("GUARDRAILS_FLAGS", "${{ needs." + CanaryStages.Rollback.Id + ".outputs.flags }}"),
        ];
        var steps = new YamlSequence()
            .Add(new YamlMapping()
                .Add("name", "Download the gate records")
                .Add("uses", GitHubSteps.Uses(PinnedAction.DownloadArtifact))
                .Add("continue-on-error", YamlScalar.Boolean(true), "A canary that never reached a gate has no record to download.")
                .Add("with", new YamlMapping()
                    .Add("pattern", "guardrails-gate-${{ inputs.service }}-*")
                    .Add("path", GateRecordsFolder)
                    .Add("merge-multiple", YamlScalar.Boolean(true))))
            .Add(GitHubSteps.Run("Write the deployment record", environment, RecordScript, id: "record"));
        return new YamlMapping()
            .Add("name", stage.Title)
            .Add("needs", Needs(needs))
            .Add("if", YamlScalar.Text(ConditionFor(stage)!.Expression), [.. ConditionFor(stage)!.Reason])
            .Add("runs-on", "${{ inputs.runs-on }}")
            .Add("timeout-minutes", YamlScalar.Number(10))
            .Add("permissions", new YamlMapping(), "Reads only this run's artifacts, which need no token scope.")
            .Add("outputs", new YamlMapping()
                .Add("result", "${{ steps.record.outputs.result }}")
                .Add("record", "${{ steps.record.outputs.record }}"))
            .Add("steps", steps);
    }

    private const string RecordScript = $$"""
        set -euo pipefail
        if [ "$GUARDRAILS_PROMOTE_RESULT" = success ]; then
          result=promoted
        elif [ "$GUARDRAILS_ROLLBACK_RESULT" = success ]; then
          result=rolled-back
        elif [ "$GUARDRAILS_ROLLBACK_RESULT" = failure ]; then
          result=rollback-failed
        elif [ "$GUARDRAILS_PLAN_RESULT" = failure ]; then
          result=invalid-settings
        else
          result=failed
        fi
        gates='[]'
        if compgen -G "{{GateRecordsFolder}}/*.json" > /dev/null; then
          # In the order the gates ran: the file names sort 100 before 25.
          gates="$(jq --slurp 'sort_by(.steps[0].startedAt)' {{GateRecordsFolder}}/*.json)"
        fi
        record="$(jq --null-input --compact-output \
          --arg service "$GUARDRAILS_SERVICE" \
          --arg environment "$GUARDRAILS_ENVIRONMENT" \
          --arg commit "$GUARDRAILS_COMMIT" \
          --arg run "$GUARDRAILS_RUN_URL" \
          --arg templates "$GUARDRAILS_TEMPLATES_VERSION" \
          --arg result "$result" \
          --argjson gates "$gates" \
          --argjson flags "${GUARDRAILS_FLAGS:-[]}" \
          '{service: $service, environment: $environment, commit: $commit, run: $run, templatesVersion: $templates, result: $result, gates: $gates}
            + (if ($flags | length) > 0 then {flags: $flags} else {} end)')"
        {
          echo "result=$result"
          echo "record=$record"
        } >> "$GITHUB_OUTPUT"
        {
          echo "### Canary of $GUARDRAILS_SERVICE in $GUARDRAILS_ENVIRONMENT: $result"
          echo '```json'
          jq '.' <<< "$record"
          echo '```'
        } >> "$GITHUB_STEP_SUMMARY"

        """;

    private static IEnumerable<YamlMapping> AdapterSteps(EmitContext context, AdapterOperation operation)
    {
        var operationName = operation.ToString().ToLowerInvariant();
        foreach (var adapter in context.Adapters)
        {
            var when = "inputs.adapter == '" + adapter.Name + "'";
            if (CredentialStep(adapter, when) is { } credentials)
            {
                yield return credentials;
            }

            List<(string Variable, string Value)> environment =
            [
                ("GUARDRAILS_OPERATION", operationName),
                (context.Inputs["service"].EnvironmentVariable, GitHubSteps.Input(context.Inputs["service"])),
                (context.Inputs["environment"].EnvironmentVariable, GitHubSteps.Input(context.Inputs["environment"])),
                (context.Inputs["service-version"].EnvironmentVariable, GitHubSteps.Input(context.Inputs["service-version"])),
            ];
            if (operation == AdapterOperation.Route)
            {
                environment.Add(("GUARDRAILS_TRAFFIC_PERCENT", "${{ matrix.traffic-percent }}"));
            }

            environment.AddRange(adapter.Settings.Select(setting => (setting.EnvironmentVariable, GitHubSteps.Input(setting))));
            yield return GitHubSteps.Run($"{Capitalized(operationName)} ({adapter.Name} adapter)", environment, adapter.Script, when);
        }
    }

    private static YamlMapping? CredentialStep(TrafficAdapter adapter, string when) => adapter.Kind switch
    {
        TrafficAdapterKind.Nginx => GitHubSteps.Run(
            "Configure kubectl",
            [("GUARDRAILS_KUBECONFIG", "${{ secrets.KUBECONFIG }}")],
            """
            set -euo pipefail
            if [ -z "$GUARDRAILS_KUBECONFIG" ]; then
              echo "error: the nginx adapter needs the KUBECONFIG secret." >&2
              exit 2
            fi
            kubeconfig="$RUNNER_TEMP/guardrails-kubeconfig"
            umask 077
            printf '%s\n' "$GUARDRAILS_KUBECONFIG" > "$kubeconfig"
            echo "KUBECONFIG=$kubeconfig" >> "$GITHUB_ENV"

            """,
            when),
        TrafficAdapterKind.AzureAppService => GitHubSteps.Run(
            "Sign in to Azure",
            [.. Secrets.Where(secret => secret.Name.StartsWith("AZURE_", StringComparison.Ordinal)).Select(secret => (secret.Variable, "${{ secrets." + secret.Name + " }}"))],
            """
            set -euo pipefail
            az login --service-principal --username "$GUARDRAILS_AZURE_CLIENT_ID" --password "$GUARDRAILS_AZURE_CLIENT_SECRET" --tenant "$GUARDRAILS_AZURE_TENANT_ID" --output none
            az account set --subscription "$GUARDRAILS_AZURE_SUBSCRIPTION_ID"

            """,
            when),
        _ => null,
    };

    private static JobCondition? ConditionFor(CanaryStage stage) => stage.RunsWhen switch
    {
        StageTrigger.AfterFailureOrCancellation => new JobCondition(
            "${{ always() && needs." + DeployJob + ".result != 'skipped' && (contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled')) }}",
            [
                "Runs after a failure or cancellation of any job once a deploy was attempted, the failed first deploy included;",
                "every adapter's rollback is safe to run twice.",
            ]),
        StageTrigger.Always => new JobCondition("${{ always() }}", ["Runs whatever happened, cancellation included, so every canary leaves a record."]),
        _ => null,
    };

    private static YamlScalar DeployTimeout => YamlScalar.Text("${{ inputs.deploy-timeout-minutes }}");

    private static YamlMapping DeployingJob(string name, string[] needs, YamlScalar timeout, string lockName, JobCondition? condition = null) =>
        Job(name, needs, timeout, condition)
            .Add("environment", "${{ inputs.environment }}")
            .Add("permissions", new YamlMapping().Add("contents", "read"), "contents: read to check out the caller's manifests, scripts and SLO files.")
            .Add("concurrency", Concurrency(lockName));

    private static YamlMapping Job(string name, string[]? needs, YamlScalar timeout, JobCondition? condition = null)
    {
        var job = new YamlMapping().Add("name", name);
        if (needs is not null)
        {
            job.Add("needs", Needs(needs));
        }

        if (condition is not null)
        {
            job.Add("if", YamlScalar.Text(condition.Expression), [.. condition.Reason]);
        }

        return job
            .Add("runs-on", "${{ inputs.runs-on }}")
            .Add("timeout-minutes", timeout);
    }

    /// <summary>Never cancels a deployment half way; a second release of the same service waits its turn.</summary>
    private static YamlMapping Concurrency(string lockName) => new YamlMapping()
        .Add("group", "guardrails-canary-${{ inputs.service }}-${{ inputs.environment }}-" + lockName)
        .Add("cancel-in-progress", YamlScalar.Boolean(false));

    private static YamlSequence Needs(IEnumerable<string> jobs) => new YamlSequence(flow: true).AddRange(jobs.Select(job => YamlScalar.Text(job)));

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];

    private sealed record JobCondition(string Expression, IReadOnlyList<string> Reason);

    private sealed record EmitContext(CanaryPipeline Pipeline, IReadOnlyDictionary<string, TemplateInput> Inputs, IReadOnlyList<TrafficAdapter> Adapters);
}
