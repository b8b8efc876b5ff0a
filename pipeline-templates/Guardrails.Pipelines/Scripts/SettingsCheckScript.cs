using System;
using System.Globalization;
using System.Linq;
using System.Text;
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

        script.Append("""
            echo "Canary plan: adapter $GUARDRAILS_ADAPTER, traffic steps [$json] %, $GUARDRAILS_BAKE_MINUTES min bake per step."

            """);
        return script.ToString();
    }

    /// <summary>The inputs the check reads, as environment variables.</summary>
    public static string[] InputsRead(CanaryPipeline pipeline) =>
        ["traffic-steps", "bake-minutes", "adapter", .. TrafficAdapters.For(pipeline).SelectMany(adapter => adapter.Settings).Select(setting => setting.Name)];
}
