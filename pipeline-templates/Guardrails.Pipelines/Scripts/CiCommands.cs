using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// The few things a delivery script says differently to each CI system: where temporary files go, how a
/// Markdown file becomes the run's summary, how an error is annotated and how a step output is set.
/// </summary>
internal static class CiCommands
{
    public static string TempFolder(CiSystem system) =>
        system == CiSystem.GitHubActions ? "$RUNNER_TEMP" : "$AGENT_TEMPDIRECTORY";

    /// <summary>GitHub appends to the job summary; Azure attaches the file to the run's summary page.</summary>
    public static string PublishSummary(CiSystem system, string file) =>
        system == CiSystem.GitHubActions
            ? $"cat \"{file}\" >> \"$GITHUB_STEP_SUMMARY\""
            : $"echo \"##vso[task.uploadsummary]{file}\"";

    public static string Error(CiSystem system, string title, string message) =>
        system == CiSystem.GitHubActions
            ? $"echo \"::error title={title}::{message}\""
            : $"echo \"##vso[task.logissue type=error]{title}: {message}\"";

    public static string SetOutput(CiSystem system, string name, string value) =>
        system == CiSystem.GitHubActions
            ? $"echo \"{name}={value}\" >> \"$GITHUB_OUTPUT\""
            : $"echo \"##vso[task.setvariable variable={name};isOutput=true]{value}\"";
}
