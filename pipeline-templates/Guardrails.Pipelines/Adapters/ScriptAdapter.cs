using System.Collections.Generic;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Adapters;

/// <summary>
/// The team's own commands. Each arrives in an environment variable and runs as its own bash program,
/// so its text is never part of a generated script and cannot inject into one.
/// </summary>
public sealed class ScriptAdapter : TrafficAdapter
{
    public override TrafficAdapterKind Kind => TrafficAdapterKind.Script;

    public override string Name => "script";

    public override IReadOnlyList<TemplateInput> Settings { get; } =
    [
        new("deploy-command", TemplateInputType.Text, "script adapter: command that deploys GUARDRAILS_SERVICE_VERSION as the canary with no traffic.", string.Empty),
        new("route-command", TemplateInputType.Text, "script adapter: command that sends GUARDRAILS_TRAFFIC_PERCENT percent of requests to the canary.", string.Empty),
        new("promote-command", TemplateInputType.Text, "script adapter: command that makes the canary the stable release.", string.Empty),
        new("rollback-command", TemplateInputType.Text, "script adapter: command that sends every request back to the stable release; must be safe to run twice.", string.Empty),
    ];

    public override string Script => """
        set -euo pipefail
        case "$GUARDRAILS_OPERATION" in
          deploy) command="$GUARDRAILS_DEPLOY_COMMAND" ;;
          route) command="$GUARDRAILS_ROUTE_COMMAND" ;;
          promote) command="$GUARDRAILS_PROMOTE_COMMAND" ;;
          rollback) command="$GUARDRAILS_ROLLBACK_COMMAND" ;;
          *)
            echo "error: unknown adapter operation '$GUARDRAILS_OPERATION'." >&2
            exit 2
            ;;
        esac
        bash -c "$command"

        """;
}
