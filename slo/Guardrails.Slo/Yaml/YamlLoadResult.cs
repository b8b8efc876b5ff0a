using System.Collections.Generic;
using Guardrails.Slo.Diagnostics;

namespace Guardrails.Slo.Yaml;

/// <param name="Documents">The documents that loaded cleanly (empty ones are left out).</param>
/// <param name="DocumentCount">All documents in the stream, empty ones included.</param>
internal sealed record YamlLoadResult(IReadOnlyList<YamlNode> Documents, IReadOnlyList<Finding> Findings, int DocumentCount);
