using Guardrails.Diagnostics;

namespace Guardrails.Slo.Runbooks;

/// <summary>A heading of a runbook and whether anything but other headings follows it.</summary>
/// <param name="Title">The heading's plain text.</param>
/// <param name="Level">1 for <c>#</c>, 2 for <c>##</c>, ...</param>
/// <param name="Anchor">The GitHub-style slug a link's <c>#fragment</c> uses.</param>
/// <param name="Location">The heading's span.</param>
/// <param name="HasContent">False when the next heading of the same or a higher level comes first.</param>
public sealed record RunbookSection(string Title, int Level, string Anchor, SourceSpan Location, bool HasContent);
