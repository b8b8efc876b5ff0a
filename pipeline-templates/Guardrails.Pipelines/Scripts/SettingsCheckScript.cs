using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Guardrails.Gate.KillSwitch;
using Guardrails.Pipelines.Adapters;
using Guardrails.Pipelines.Model;
using Guardrails.Pipelines.Validation;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// The first step of every canary: checks the caller's values before anything is deployed and reports the
/// same GR50xx IDs as the generator, naming the input as the caller spelled it. In GitHub Actions it also
/// turns the traffic steps into the JSON list the step matrix runs over.
/// </summary>
public static class SettingsCheckScript
{
    public static string Render(CanaryPipeline pipeline, CiSystem system)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var inputs = CanaryInputs.For(pipeline).ToDictionary(input => input.Name);
        string Name(string input) => inputs[input].NameIn(system);
        var adapters = TrafficAdapters.For(pipeline);

        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $$"""
            set -euo pipefail
            fail() {
              echo "error $1: $2" >&2
              exit 2
            }
            require() {
              if [ -z "${!1:-}" ]; then
                fail {{TemplateRules.MissingAdapterSetting.Id}} "the $GUARDRAILS_ADAPTER adapter needs the $2 input."
              fi
            }

            IFS=',' read -r -a steps <<< "${GUARDRAILS_TRAFFIC_STEPS//[[:space:]]/}"
            previous=0
            json=""
            for step in "${steps[@]}"; do
              if ! [[ "$step" =~ ^[1-9][0-9]*$ ]] || [ "$step" -gt 100 ]; then
                fail {{TemplateRules.InvalidTrafficSteps.Id}} "{{Name("traffic-steps")}} '$GUARDRAILS_TRAFFIC_STEPS': '$step' is not a percentage from 1 to 100."
              fi
              if [ "$step" -le "$previous" ]; then
                fail {{TemplateRules.InvalidTrafficSteps.Id}} "{{Name("traffic-steps")}} '$GUARDRAILS_TRAFFIC_STEPS' must increase strictly, for example 10,25,50,100."
              fi
              previous="$step"
              json="${json:+$json,}$step"
            done
            if [ "$previous" -ne 100 ]; then
              fail {{TemplateRules.InvalidTrafficSteps.Id}} "{{Name("traffic-steps")}} '$GUARDRAILS_TRAFFIC_STEPS' must end at 100 so the canary is gated at full traffic."
            fi
            if ! [[ "$GUARDRAILS_BAKE_MINUTES" =~ ^[0-9]+$ ]] || [ "$GUARDRAILS_BAKE_MINUTES" -gt 360 ]; then
              fail {{TemplateRules.InvalidBakeTime.Id}} "{{Name("bake-minutes")}} '$GUARDRAILS_BAKE_MINUTES' is not a whole number of minutes from 0 to 360."
            fi

            case "$GUARDRAILS_ADAPTER" in

            """);
        foreach (var adapter in adapters)
        {
            script.Append(CultureInfo.InvariantCulture, $"  {adapter.Name})\n");
            foreach (var setting in adapter.Settings)
            {
                script.Append(CultureInfo.InvariantCulture, $"    require {setting.EnvironmentVariable} {setting.NameIn(system)}\n");
            }

            script.Append("    ;;\n");
        }

        script.Append(CultureInfo.InvariantCulture, $$"""
              *)
                fail {{TemplateRules.UnknownTrafficAdapter.Id}} "{{Name("adapter")}} '$GUARDRAILS_ADAPTER' is not one of {{string.Join(", ", adapters.Select(adapter => adapter.Name))}}."
                ;;
            esac

            """);
        if (system == CiSystem.GitHubActions)
        {
            script.Append("""
                echo "traffic-steps=[$json]" >> "$GITHUB_OUTPUT"

                """);
        }

        script.Append(KillSwitchCheck(system));
        script.Append("""
            echo "Canary plan: adapter $GUARDRAILS_ADAPTER, traffic steps [$json] %, $GUARDRAILS_BAKE_MINUTES min bake per step."

            """);
        return script.ToString();
    }

    /// <summary>The inputs the check reads, as environment variables.</summary>
    public static string[] InputsRead(CanaryPipeline pipeline) =>
    [
        "traffic-steps", "bake-minutes", "adapter", .. TrafficAdapters.For(pipeline).SelectMany(adapter => adapter.Settings).Select(setting => setting.Name),
        KillSwitchInputs.Flags.Name, KillSwitchInputs.Provider.Name, KillSwitchInputs.Url.Name, KillSwitchInputs.Command.Name,
    ];

    /// <summary>
    /// With flags named, the kill switch must be able to run when a rollback needs it: found at rollback time, a
    /// missing URL or token would leave the bad feature on. The token itself never reaches this step, only whether
    /// one was given (<see cref="KillSwitchInputs.TokenGivenVariable"/>).
    /// </summary>
    private static string KillSwitchCheck(CiSystem system)
    {
        string Name(TemplateInput input) => input.NameIn(system);
        var id = TemplateRules.InvalidKillSwitchSetting.Id;
        var giveToken = system == CiSystem.GitHubActions
            ? "pass the KILL_SWITCH_TOKEN secret"
            : $"give {Name(KillSwitchInputs.Token)}, the macro of a secret variable";
        var providers = string.Join(", ", FlagProviders.Names) + " or " + KillSwitchInputs.CommandProvider;
        return $$"""
            kill_switch_flags_text="${GUARDRAILS_KILL_SWITCH_FLAGS:-}"
            read -r -a kill_switch_flags <<< "${kill_switch_flags_text//,/ }"
            if [ "${#kill_switch_flags[@]}" -gt 0 ]; then
              case "$GUARDRAILS_KILL_SWITCH_PROVIDER" in
                {{FlagProviders.Unleash}})
                  require_kill_switch_setting=GUARDRAILS_KILL_SWITCH_URL
                  missing="the unleash kill switch needs the {{Name(KillSwitchInputs.Url)}} input, the Unleash server's base URL."
                  ;;
                {{FlagProviders.LaunchDarkly}})
                  require_kill_switch_setting=""
                  ;;
                {{KillSwitchInputs.CommandProvider}})
                  require_kill_switch_setting=GUARDRAILS_KILL_SWITCH_COMMAND
                  missing="the command kill switch needs the {{Name(KillSwitchInputs.Command)}} input."
                  ;;
                *)
                  fail {{id}} "{{Name(KillSwitchInputs.Provider)}} '$GUARDRAILS_KILL_SWITCH_PROVIDER' is not {{providers}}."
                  ;;
              esac
              if [ -n "$require_kill_switch_setting" ] && [ -z "${!require_kill_switch_setting:-}" ]; then
                fail {{id}} "$missing"
              fi
              if [ -n "$GUARDRAILS_KILL_SWITCH_URL" ] && ! [[ "$GUARDRAILS_KILL_SWITCH_URL" =~ ^https?://[^[:space:]]+$ ]]; then
                fail {{id}} "{{Name(KillSwitchInputs.Url)}} '$GUARDRAILS_KILL_SWITCH_URL' is not an http or https URL."
              fi
              token_given="${{{KillSwitchInputs.TokenGivenVariable}}:-}"
              if [ "$GUARDRAILS_KILL_SWITCH_PROVIDER" != {{KillSwitchInputs.CommandProvider}} ] && [ "${token_given,,}" != true ]; then
                fail {{id}} "the $GUARDRAILS_KILL_SWITCH_PROVIDER kill switch needs its API token: {{giveToken}}."
              fi
              echo "Kill switch: on rollback, ${kill_switch_flags[*]} turned off ($GUARDRAILS_KILL_SWITCH_PROVIDER)."
            fi

            """;
    }
}
