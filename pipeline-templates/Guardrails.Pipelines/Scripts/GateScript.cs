using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Guardrails.Gate;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// Installs the CLI and runs <c>guardrails gate</c> with every setting from environment variables and turns its exit code into
/// a decision by the gate's own exit codes (<see cref="GateExitCodes"/>): 0 promote, 1 roll back,
/// 3 inconclusive (fails closed), 2 configuration error.
/// </summary>
public static class GateScript
{
    /// <summary>The traffic step a gate run judges, named in its record (gate --step); the templates pass the percentage.</summary>
    public static TemplateInput StepInput { get; } = new(
        "step", TemplateInputType.Text, "Traffic step this gate judges, named in the deployment record (gate --step; empty: the step's number).", string.Empty, GateOption: GateOptionNames.Step);

    /// <summary>Where the gate writes its JSON record (gate --record); each CI system has its own default folder.</summary>
    public static TemplateInput RecordFileInput(string defaultPath) => new(
        "record-file", TemplateInputType.Text, "Where the gate writes its JSON record.", defaultPath, GateOption: GateOptionNames.Record);

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

    /// <summary>The gate step's script: every input of <paramref name="inputs"/> declared for a gate option becomes that option.</summary>
    /// <param name="inputs">The step's inputs; those with a <see cref="TemplateInput.GateOption"/> are passed, in order.</param>
    public static string Run(CiSystem system, IEnumerable<TemplateInput> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
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
            options=()
            # An option the gate leaves unset by default is passed only when given; the others always, so a blank
            # value (version-label '') reaches the gate, which reads it as "none".
            given() {
              if [ -n "$2" ]; then
                options+=("$1" "$2")
              fi
            }
            {{Options(inputs)}}
            # The gate reads the token from the variable it is named; it refuses a named but empty one.
            given {{GateOptionNames.BearerTokenEnv}} "${GUARDRAILS_PROMETHEUS_TOKEN:+GUARDRAILS_PROMETHEUS_TOKEN}"
            guardrails gate "${options[@]}" || status=$?
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

    /// <summary>One line per gate input: <c>options+=(--window "$GUARDRAILS_WINDOW")</c>, or <c>given</c> for an option unset by default.</summary>
    private static string Options(IEnumerable<TemplateInput> inputs) => string.Join(
        "\n",
        inputs.Where(input => input.GateOption is not null).Select(input => IsUnsetByDefault(input.GateOption!)
            ? $"given {input.GateOption} \"${input.EnvironmentVariable}\""
            : $"options+=({input.GateOption} \"${input.EnvironmentVariable}\")"));

    private static bool IsUnsetByDefault(string option) => option != GateOptionNames.Slo && GateOptions.Default.ValueOf(option) is null;

    /// <summary>One <c>case</c> branch per exit code of the gate, in the contract's order.</summary>
    private static string Decisions() => string.Join(
        "\n",
        GateExitCodes.Decisions.OrderBy(decision => decision.Code).Select(decision => string.Create(CultureInfo.InvariantCulture, $"  {decision.Code}) decision={decision.Decision} ;;")));
}
