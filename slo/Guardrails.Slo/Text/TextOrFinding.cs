using Guardrails.Diagnostics;

namespace Guardrails.Slo.Text;

/// <summary>Either the file's text or the one finding that explains why there is none.</summary>
internal sealed record TextOrFinding(string? Text, Finding? Finding);
