using Guardrails.Diagnostics;

namespace Guardrails.Slo;

/// <summary>
/// A runbook named by an SLO or an alert.
/// </summary>
/// <param name="Target">As written: a repository-relative path with an optional <c>#anchor</c>, or a URL.</param>
/// <param name="Location">Where the reference is written, for findings about a missing runbook.</param>
/// <param name="Subject">Who points there, for messages: <c>SLO checkout-availability</c>, <c>alert CheckoutHighErrorRate</c>.</param>
public sealed record RunbookReference(string Target, SourceSpan Location, string Subject);
