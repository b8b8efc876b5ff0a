using Guardrails.Diagnostics;

namespace Guardrails.Slo.Sloth;

/// <summary>An SLI that names a Sloth plugin, which Guardrails does not run: where it is written, for the mapper's warning.</summary>
internal sealed record SlothPluginSli(string Path, SourceSpan Span);
