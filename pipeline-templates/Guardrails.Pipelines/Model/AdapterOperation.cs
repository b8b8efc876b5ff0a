namespace Guardrails.Pipelines.Model;

/// <summary>The four things every traffic adapter does; each is safe to run twice.</summary>
public enum AdapterOperation
{
    Deploy,
    Route,
    Promote,
    Rollback,
}
