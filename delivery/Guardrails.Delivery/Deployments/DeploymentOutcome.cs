namespace Guardrails.Delivery.Deployments;

public enum DeploymentOutcome
{
    Succeeded,

    /// <summary>Failed, rolled back, or not promoted: it did not leave its changes running in production.</summary>
    Failed,
}
