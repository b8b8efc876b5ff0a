using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Scripts;

/// <summary>
/// Runs <c>guardrails pr-size</c> between the pull request's base and head, sets the <c>size</c> output,
/// publishes the report as the run's summary and exits as pr-size does: 0 within the limits (or
/// overridden), 1 over them, 2 when it could not measure. GitHub Actions passes the base and head SHAs and
/// whether the override label is on the pull request; Azure Pipelines reads the target branch and source
/// commit of the build validation and asks the pull request's labels from the REST API.
/// </summary>
public static class PullRequestSizeScript
{
    public const string SizeOutput = "size";

    public static string Render(CiSystem system)
    {
        var temp = CiCommands.TempFolder(system);
        var preamble = system == CiSystem.GitHubActions
            ? $$"""
                if [ -z "$GUARDRAILS_BASE" ] || [ -z "$GUARDRAILS_HEAD" ]; then
                  {{CiCommands.Error(system, "Pull request size", "no pull request: call this workflow from a pull_request event.")}}
                  exit 2
                fi
                base="$GUARDRAILS_BASE"
                head="$GUARDRAILS_HEAD"
                override="$GUARDRAILS_OVERRIDE"
                """
            : $$"""
                if [ "$BUILD_REASON" != PullRequest ]; then
                  {{CiCommands.Error(system, "Pull request size", "no pull request: run this template as a branch policy's build validation.")}}
                  exit 2
                fi
                # The checkout fetched every branch; the target branch is origin/<name> without refs/heads/.
                base="origin/${GUARDRAILS_BASE#refs/heads/}"
                head="$GUARDRAILS_HEAD"
                override=false
                if [ -n "$GUARDRAILS_OVERRIDE_LABEL" ]; then
                  labels_url="${SYSTEM_COLLECTIONURI}${SYSTEM_TEAMPROJECTID}/_apis/git/repositories/${BUILD_REPOSITORY_ID}/pullRequests/${SYSTEM_PULLREQUEST_PULLREQUESTID}/labels?api-version=7.1"
                  labels="$(curl --fail --silent --show-error --header "Authorization: Bearer $SYSTEM_ACCESSTOKEN" "$labels_url")"
                  if jq --exit-status --arg wanted "$GUARDRAILS_OVERRIDE_LABEL" '.value | any(.name == $wanted)' <<< "$labels" > /dev/null; then
                    override=true
                  fi
                fi
                """;
        return $$"""
            set -euo pipefail
            {{preamble}}
            options=(--base "$base" --head "$head" --max-lines "$GUARDRAILS_MAX_LINES" --sizes "$GUARDRAILS_SIZES")
            if [ "$GUARDRAILS_MAX_FILES" -gt 0 ]; then
              options+=(--max-files "$GUARDRAILS_MAX_FILES")
            fi
            if [ "$override" = true ]; then
              options+=(--override)
            fi
            report="{{temp}}/guardrails-pr-size.json"
            status=0
            guardrails pr-size "${options[@]}" --format json > "$report" || status=$?
            if [ "$status" -gt 1 ]; then
              {{CiCommands.Error(system, "Pull request size", "guardrails pr-size could not measure the pull request (exit code $status); its error is above.")}}
              exit "$status"
            fi
            size="$(jq --raw-output .size "$report")"
            changed="$(jq --raw-output .changedLines "$report")"
            {{CiCommands.SetOutput(system, SizeOutput, "$size")}}
            summary="{{temp}}/pull-request-size.md"
            {
              echo "### Pull request size: $size ($changed changed lines)"
              echo
              echo '```text'
              guardrails pr-size "${options[@]}" || true
              echo '```'
            } > "$summary"
            cat "$summary"
            {{CiCommands.PublishSummary(system, "$summary")}}
            if [ "$status" -eq 1 ]; then
              {{CiCommands.Error(system, "Pull request size", "$size, $changed changed lines, is over the limit: split the pull request, or add the label $GUARDRAILS_OVERRIDE_LABEL once reviewers agree.")}}
            fi
            exit "$status"

            """;
    }
}
