using Microsoft.CodeAnalysis.Operations;

namespace Guardrails.Analyzers.Retries;

/// <summary>An action whose result a retry reads, and how that result says it failed ("'TrySend' returns false").</summary>
internal sealed class FailedResult
{
    public FailedResult(IInvocationOperation action, string description)
    {
        Action = action;
        Description = description;
    }

    public IInvocationOperation Action { get; }

    public string Description { get; }
}
