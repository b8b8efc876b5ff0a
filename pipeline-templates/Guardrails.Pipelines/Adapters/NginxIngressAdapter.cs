using System.Collections.Generic;
using Guardrails.Pipelines.Model;

namespace Guardrails.Pipelines.Adapters;

/// <summary>
/// NGINX ingress canary: a second Ingress marked <c>nginx.ingress.kubernetes.io/canary</c> whose
/// <c>canary-weight</c> annotation is the share of requests the canary receives.
/// </summary>
public sealed class NginxIngressAdapter : TrafficAdapter
{
    public override TrafficAdapterKind Kind => TrafficAdapterKind.Nginx;

    public override string Name => "nginx";

    public override IReadOnlyList<TemplateInput> Settings { get; } =
    [
        new("kubernetes-namespace", TemplateInputType.Text, "nginx adapter: Kubernetes namespace of the canary workload and its Ingress.", string.Empty),
        new("canary-ingress", TemplateInputType.Text, "nginx adapter: name of the canary Ingress whose nginx.ingress.kubernetes.io/canary-weight annotation is set.", string.Empty),
        new("canary-manifests", TemplateInputType.Text, "nginx adapter: file or folder of manifests that deploy the canary (kubectl apply --filename).", string.Empty),
        new("stable-manifests", TemplateInputType.Text, "nginx adapter: file or folder of manifests applied to the stable workload on promotion.", string.Empty),
    ];

    public override string Script => """
        set -euo pipefail
        weight_annotation=nginx.ingress.kubernetes.io/canary-weight
        ingress=(ingress "$GUARDRAILS_CANARY_INGRESS" --namespace "$GUARDRAILS_KUBERNETES_NAMESPACE")
        case "$GUARDRAILS_OPERATION" in
          deploy)
            kubectl apply --namespace "$GUARDRAILS_KUBERNETES_NAMESPACE" --filename "$GUARDRAILS_CANARY_MANIFESTS"
            kubectl annotate "${ingress[@]}" --overwrite nginx.ingress.kubernetes.io/canary=true "$weight_annotation=0"
            echo "Canary deployed with no traffic."
            ;;
          route)
            kubectl annotate "${ingress[@]}" --overwrite "$weight_annotation=$GUARDRAILS_TRAFFIC_PERCENT"
            echo "Canary receives $GUARDRAILS_TRAFFIC_PERCENT% of requests."
            ;;
          promote)
            kubectl apply --namespace "$GUARDRAILS_KUBERNETES_NAMESPACE" --filename "$GUARDRAILS_STABLE_MANIFESTS"
            kubectl annotate "${ingress[@]}" --overwrite "$weight_annotation=0"
            echo "Stable workload updated; the canary receives no traffic."
            ;;
          rollback)
            # An unreachable cluster fails here; only a canary Ingress that does not exist is nothing to undo.
            found="$(kubectl get "${ingress[@]}" --ignore-not-found --output name)"
            if [ -n "$found" ]; then
              kubectl annotate "${ingress[@]}" --overwrite "$weight_annotation=0"
              echo "Rolled back: the canary receives no traffic."
            else
              echo "No canary Ingress $GUARDRAILS_CANARY_INGRESS: nothing to roll back."
            fi
            ;;
          *)
            echo "error: unknown adapter operation '$GUARDRAILS_OPERATION'." >&2
            exit 2
            ;;
        esac

        """;
}
