using System.Text.Json;
using Guardrails.Gate.KillSwitch;
using Guardrails.Gate.Record;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// The rollback's kill switch: turns each flag of GUARDRAILS_KILL_SWITCH_FLAGS off with <c>guardrails flags off</c>
/// (Unleash, LaunchDarkly) or with the team's own command, run as its own bash program like an adapter's commands.
/// The flags handled are written to a deployment record of the rollback (the CLI's --record), which the step
/// hands on: an output in GitHub Actions, a pipeline artifact in Azure Pipelines. Every value comes from env.
/// </summary>
public static class KillSwitchScript
{
    public const string RecordFileName = "guardrails-kill-switch-record.json";

    private static readonly JsonSerializerOptions RecordJson = new(JsonSerializerDefaults.Web);

    /// <summary>The rollback's record before any flag is added: a record of the gate's own shape, with no steps.</summary>
    private static readonly string Seed = JsonSerializer.Serialize(
        new DeploymentRecord(DeploymentRecord.CurrentSchemaVersion, string.Empty, string.Empty, "rollback", "The canary was rolled back.", []),
        RecordJson);

    public static string RecordPath(CiSystem system) =>
        (system == CiSystem.GitHubActions ? "$RUNNER_TEMP/" : "$AGENT_TEMPDIRECTORY/") + RecordFileName;

    public static string Render(CiSystem system)
    {
        var handOn = system == CiSystem.GitHubActions
            ? "echo \"flags=$handled\" >> \"$GITHUB_OUTPUT\""
            : "echo \"Flags handled (artifact guardrails-kill-switch-$SYSTEM_JOBID): $handled\"";
        var o = (Provider: FlagsOffOptionNames.Provider, Project: FlagsOffOptionNames.Project, Environment: FlagsOffOptionNames.Environment,
            TokenEnv: FlagsOffOptionNames.TokenEnv, Record: FlagsOffOptionNames.Record, Url: FlagsOffOptionNames.Url, Flag: FlagsOffOptionNames.Flag);
        return $$"""
            set -euo pipefail
            read -r -a flags <<< "${GUARDRAILS_KILL_SWITCH_FLAGS//,/ }"
            if [ "${#flags[@]}" -eq 0 ]; then
              echo "No kill-switch flags: nothing to turn off."
              exit 0
            fi
            environment="${GUARDRAILS_KILL_SWITCH_ENVIRONMENT:-$GUARDRAILS_ENVIRONMENT}"
            record="{{RecordPath(system)}}"
            jq --null-input --arg service "$GUARDRAILS_SERVICE" --arg version "$GUARDRAILS_COMMIT" \
              '{{Seed}} | .service = $service | .version = $version' > "$record"
            status=0
            case "$GUARDRAILS_KILL_SWITCH_PROVIDER" in
              {{FlagProviders.Unleash}}|{{FlagProviders.LaunchDarkly}})
                options=({{o.Provider}} "$GUARDRAILS_KILL_SWITCH_PROVIDER" {{o.Project}} "$GUARDRAILS_KILL_SWITCH_PROJECT" {{o.Environment}} "$environment")
                options+=({{o.TokenEnv}} {{KillSwitchInputs.TokenVariable}} {{o.Record}} "$record")
                if [ -n "$GUARDRAILS_KILL_SWITCH_URL" ]; then
                  options+=({{o.Url}} "$GUARDRAILS_KILL_SWITCH_URL")
                fi
                for flag in "${flags[@]}"; do
                  options+=({{o.Flag}} "$flag")
                done
                guardrails flags off "${options[@]}" || status=$?
                ;;
              {{KillSwitchInputs.CommandProvider}})
                if [ -z "$GUARDRAILS_KILL_SWITCH_COMMAND" ]; then
                  echo "error: the command kill-switch provider needs kill-switch-command." >&2
                  exit 2
                fi
                export GUARDRAILS_KILL_SWITCH_ENVIRONMENT="$environment"
                bash -c "$GUARDRAILS_KILL_SWITCH_COMMAND" || status=$?
                if [ "$status" -eq 0 ]; then
                  # The command said every flag is off: the record lists them as the CLI would.
                  jq --arg project "$GUARDRAILS_KILL_SWITCH_PROJECT" --arg environment "$environment" \
                    --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" --args \
                    '.flags = [$ARGS.positional[] | {provider: "{{KillSwitchInputs.CommandProvider}}", flag: ., project: $project, environment: $environment, result: "turned-off", at: $at}]' \
                    "${flags[@]}" < "$record" > "$record.new"
                  mv "$record.new" "$record"
                fi
                ;;
              *)
                echo "error: kill-switch-provider '$GUARDRAILS_KILL_SWITCH_PROVIDER' is not {{string.Join(", ", FlagProviders.Names)}} or {{KillSwitchInputs.CommandProvider}}." >&2
                exit 2
                ;;
            esac
            handled="$(jq --compact-output '.flags // []' "$record")"
            {{handOn}}
            exit "$status"

            """;
    }
}
