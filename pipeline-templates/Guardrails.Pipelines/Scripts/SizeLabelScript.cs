using System.Linq;
using Guardrails.Delivery.PullRequests;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// GitHub Actions: puts the size label on the pull request (creating the label if the repository has none)
/// and takes off the other size labels it carries. The only script of the templates that writes.
/// </summary>
public static class SizeLabelScript
{
    public static string Render() => $$"""
        set -euo pipefail
        label="$GUARDRAILS_LABEL_PREFIX$GUARDRAILS_SIZE"
        gh label create "$label" --repo "$GITHUB_REPOSITORY" --force --color ededed --description "Pull request size (guardrails pr-size)"
        edit=(--add-label "$label")
        for size in {{string.Join(' ', SizeThresholds.Names)}}; do
          other="$GUARDRAILS_LABEL_PREFIX$size"
          if [ "$other" != "$label" ] && jq --exit-status --arg other "$other" 'any(. == $other)' <<< "$GUARDRAILS_LABELS" > /dev/null; then
            edit+=(--remove-label "$other")
          fi
        done
        gh pr edit "$GUARDRAILS_PULL_REQUEST" --repo "$GITHUB_REPOSITORY" "${edit[@]}"

        """;
}
