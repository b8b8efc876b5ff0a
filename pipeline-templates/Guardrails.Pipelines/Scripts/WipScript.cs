using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// Lists the repository's open pull requests (<c>gh pr list</c> or <c>az repos pr list</c>, the two shapes
/// <c>guardrails wip</c> reads), runs <c>guardrails wip</c> with the template's limits, publishes its report
/// as the run's summary and exits as wip does: 0 within the limits, 1 over one, 2 on an input error.
/// </summary>
public static class WipScript
{
    /// <summary>The fields <c>guardrails wip</c> reads from <c>gh pr list</c>.</summary>
    public const string GitHubFields = "number,author,isDraft,createdAt,labels";

    public static string Render(CiSystem system)
    {
        var temp = CiCommands.TempFolder(system);
        var list = system == CiSystem.GitHubActions
            ? $"gh pr list --repo \"$GITHUB_REPOSITORY\" --state open --limit 1000 --json {GitHubFields} > \"$pull_requests\""
            : "az repos pr list --organization \"$SYSTEM_COLLECTIONURI\" --project \"$SYSTEM_TEAMPROJECT\" --repository \"$BUILD_REPOSITORY_NAME\" --status active --top 1000 --output json > \"$pull_requests\"";
        return $$"""
            set -euo pipefail
            pull_requests="{{temp}}/guardrails-pull-requests.json"
            {{list}}
            options=(--pull-requests "$pull_requests" --max-per-author "$GUARDRAILS_MAX_PER_AUTHOR" --max-age "$GUARDRAILS_MAX_AGE")
            if [ "$GUARDRAILS_MAX_PER_TEAM" -gt 0 ]; then
              options+=(--max-per-team "$GUARDRAILS_MAX_PER_TEAM")
            fi
            while IFS= read -r team; do
              if [ -n "$team" ]; then
                options+=(--team "$team")
              fi
            done <<< "$GUARDRAILS_TEAMS"
            if [ "$GUARDRAILS_INCLUDE_DRAFTS" = true ]; then
              options+=(--include-drafts)
            fi
            summary="{{temp}}/work-in-progress.md"
            printf '### Work in progress\n\n' > "$summary"
            status=0
            guardrails wip "${options[@]}" >> "$summary" || status=$?
            if [ "$status" -gt 1 ]; then
              {{CiCommands.Error(system, "Work in progress", "guardrails wip could not read the pull requests (exit code $status); its error is above.")}}
              exit "$status"
            fi
            cat "$summary"
            {{CiCommands.PublishSummary(system, "$summary")}}
            if [ "$status" -eq 1 ]; then
              {{CiCommands.Error(system, "Work in progress", "over a work-in-progress limit: finish or close open pull requests before starting new ones.")}}
            fi
            exit "$status"

            """;
    }
}
