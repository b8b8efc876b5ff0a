using System.Globalization;
using System.Linq;
using Guardrails.Gate;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// Runs <c>guardrails gate</c> with every setting from environment variables and turns its exit code into
/// a decision by the gate's own exit codes (<see cref="GateExitCodes"/>): 0 promote, 1 roll back,
/// 3 inconclusive (fails closed), 2 configuration error.
/// </summary>
public static class GateScript
{
    /// <summary>The traffic step a gate run judges, named in its record (gate --step); the templates pass the percentage.</summary>
    public static TemplateInput StepInput { get; } = new(
        "step", TemplateInputType.Text, "Traffic step this gate judges, named in the deployment record (gate --step; empty: the step's number).", string.Empty, GateOption: GateOptionNames.Step);

    /// <summary>
    /// Installs the Guardrails.Cli tool of <c>$GUARDRAILS_VERSION</c>. With <paramref name="fromSource"/>, a non-empty
    /// <c>$GUARDRAILS_SOURCE</c> (a NuGet feed URL or folder) is added to the sources the repository's nuget.config lists.
    /// </summary>
    public static string InstallCli(CiSystem system, bool fromSource = false)
    {
        var (toolPath, addToPath) = system == CiSystem.GitHubActions
            ? ("$RUNNER_TEMP/guardrails-cli", "echo \"$tool_path\" >> \"$GITHUB_PATH\"")
            : ("$AGENT_TEMPDIRECTORY/guardrails-cli", "echo \"##vso[task.prependpath]$tool_path\"");
        if (fromSource)
        {
            return $$"""
                set -euo pipefail
                tool_path="{{toolPath}}"
                source_option=()
                if [ -n "$GUARDRAILS_SOURCE" ]; then
                  source_option=(--add-source "$GUARDRAILS_SOURCE")
                fi
                dotnet tool install Guardrails.Cli --version "$GUARDRAILS_VERSION" --tool-path "$tool_path" "${source_option[@]}"
                {{addToPath}}

                """;
        }

        return $"""
            set -euo pipefail
            tool_path="{toolPath}"
            dotnet tool install Guardrails.Cli --version "$GUARDRAILS_VERSION" --tool-path "$tool_path"
            {addToPath}

            """;
    }

    public static string Run(CiSystem system)
    {
        var (setOutputs, reportFailure) = system == CiSystem.GitHubActions
            ? ("""
                {
                  echo "decision=$decision"
                  echo "exit-code=$status"
                } >> "$GITHUB_OUTPUT"
                """,
                "echo \"::error title=Guardrails gate::decision $decision (exit code $status): the canary rolls back.\"")
            : ("""
                echo "##vso[task.setvariable variable=decision;isOutput=true]$decision"
                echo "##vso[task.setvariable variable=exitCode;isOutput=true]$status"
                """,
                "echo \"##vso[task.logissue type=error]Guardrails gate: decision $decision (exit code $status): the canary rolls back.\"");
        return $$"""
            set -uo pipefail
            status=0
            # The gate reads the token from the variable it is named; it refuses a named but empty one.
            token_option=()
            if [ -n "${GUARDRAILS_PROMETHEUS_TOKEN:-}" ]; then
              token_option=(--bearer-token-env GUARDRAILS_PROMETHEUS_TOKEN)
            fi
            step_option=()
            if [ -n "${GUARDRAILS_STEP:-}" ]; then
              step_option=(--step "$GUARDRAILS_STEP")
            fi
            guardrails gate \
              --slo "$GUARDRAILS_SLO_FILE" \
              --slo-name "$GUARDRAILS_SLO_NAME" \
              --prometheus "$GUARDRAILS_PROMETHEUS_URL" \
              --selector "$GUARDRAILS_SELECTOR" \
              --window "$GUARDRAILS_WINDOW" \
              --max-burn-rate "$GUARDRAILS_MAX_BURN_RATE" \
              --interval "$GUARDRAILS_INTERVAL" \
              --samples "$GUARDRAILS_SAMPLES" \
              --failure-limit "$GUARDRAILS_FAILURE_LIMIT" \
              --error-limit "$GUARDRAILS_ERROR_LIMIT" \
              --min-rps "$GUARDRAILS_MIN_RPS" \
              --on-no-data "$GUARDRAILS_ON_NO_DATA" \
              "${token_option[@]}" \
              "${step_option[@]}" \
              --record "$GUARDRAILS_RECORD_FILE" || status=$?
            case "$status" in
            {{Decisions()}}
              *) decision=error ;;
            esac
            {{setOutputs}}
            if [ "$status" -ne 0 ]; then
              {{reportFailure}}
            fi
            exit "$status"

            """;
    }

    /// <summary>One <c>case</c> branch per exit code of the gate, in the contract's order.</summary>
    private static string Decisions() => string.Join(
        "\n",
        GateExitCodes.Decisions.OrderBy(decision => decision.Code).Select(decision => string.Create(CultureInfo.InvariantCulture, $"  {decision.Code}) decision={decision.Decision} ;;")));
}
