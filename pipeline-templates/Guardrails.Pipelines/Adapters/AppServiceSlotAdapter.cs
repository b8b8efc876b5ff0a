using System.Collections.Generic;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Adapters;

/// <summary>
/// Azure App Service: the canary is a deployment slot; traffic routing sends a percentage of production
/// requests to it, a slot swap promotes it, and clearing the routing rolls back.
/// </summary>
public sealed class AppServiceSlotAdapter : TrafficAdapter
{
    public override TrafficAdapterKind Kind => TrafficAdapterKind.AzureAppService;

    public override string Name => "azure-app-service";

    public override IReadOnlyList<TemplateInput> Settings { get; } =
    [
        new("azure-resource-group", TemplateInputType.Text, "azure-app-service adapter: resource group of the web app.", string.Empty),
        new("azure-webapp", TemplateInputType.Text, "azure-app-service adapter: name of the web app.", string.Empty),
        new("azure-slot", TemplateInputType.Text, "azure-app-service adapter: deployment slot that runs the canary.", "canary"),
        new("package", TemplateInputType.Text, "azure-app-service adapter: path of the zip package deployed to the slot.", string.Empty),
    ];

    public override string Script => """
        set -euo pipefail
        app=(--resource-group "$GUARDRAILS_AZURE_RESOURCE_GROUP" --name "$GUARDRAILS_AZURE_WEBAPP")
        case "$GUARDRAILS_OPERATION" in
          deploy)
            az webapp traffic-routing clear "${app[@]}" --output none
            az webapp deploy "${app[@]}" --slot "$GUARDRAILS_AZURE_SLOT" --src-path "$GUARDRAILS_PACKAGE" --type zip --output none
            echo "Canary deployed to slot $GUARDRAILS_AZURE_SLOT with no traffic."
            ;;
          route)
            az webapp traffic-routing set "${app[@]}" --distribution "$GUARDRAILS_AZURE_SLOT=$GUARDRAILS_TRAFFIC_PERCENT" --output none
            echo "Slot $GUARDRAILS_AZURE_SLOT receives $GUARDRAILS_TRAFFIC_PERCENT% of requests."
            ;;
          promote)
            az webapp deployment slot swap "${app[@]}" --slot "$GUARDRAILS_AZURE_SLOT" --target-slot production --output none
            az webapp traffic-routing clear "${app[@]}" --output none
            echo "Slot $GUARDRAILS_AZURE_SLOT swapped into production."
            ;;
          rollback)
            az webapp traffic-routing clear "${app[@]}" --output none
            echo "Rolled back: production receives every request."
            ;;
          *)
            echo "error: unknown adapter operation '$GUARDRAILS_OPERATION'." >&2
            exit 2
            ;;
        esac

        """;
}
