using System.Collections.Generic;
using Guardrails.Diagnostics;

namespace Guardrails.Slo.Runbooks;

/// <summary>A runbook as read, or no document when the file is not Markdown text, and what reading found.</summary>
public sealed record RunbookParseResult(RunbookDocument? Document, IReadOnlyList<Finding> Findings);
