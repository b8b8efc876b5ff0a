using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Yaml;

/// <param name="Documents">The documents that loaded cleanly (empty ones are left out).</param>
internal sealed record YamlLoadResult(IReadOnlyList<YamlNode> Documents, IReadOnlyList<Finding> Findings);
