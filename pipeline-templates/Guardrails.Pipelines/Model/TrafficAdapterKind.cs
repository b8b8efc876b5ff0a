namespace Guardrails.Pipelines.Model;

/// <summary>How traffic moves to the canary: the choice teams make with the <c>adapter</c> input.</summary>
public enum TrafficAdapterKind
{
    /// <summary>NGINX ingress canary weight (<c>nginx.ingress.kubernetes.io/canary-weight</c>) set with kubectl.</summary>
    Nginx,

    /// <summary>Azure App Service deployment slot traffic routing (<c>az webapp traffic-routing</c>).</summary>
    AzureAppService,

    /// <summary>The team's own deploy, route, promote and rollback commands.</summary>
    Script,
}
