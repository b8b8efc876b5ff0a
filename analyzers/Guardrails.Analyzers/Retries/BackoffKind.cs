namespace Guardrails.Analyzers.Retries;

/// <summary>How the wait between two attempts grows.</summary>
internal enum BackoffKind
{
    /// <summary>No wait at all: a tight retry.</summary>
    None,
    Constant,
    Linear,
    Exponential,
}
