using Guardrails.Diagnostics;

namespace Guardrails.Gate;

/// <summary>
/// A configuration error that stops the gate before (or instead of) deciding: exit code 2. Where the
/// setting came from a file the problem carries its location and prints as an MSBuild-style line; an
/// option typed on the command line is named in the message instead.
/// </summary>
public sealed record GateProblem(Rule Rule, string Message, SourceSpan? Location = null)
{
    public override string ToString() => Location is { } location
        ? new Finding(Rule, location, Message).ToString()
        : $"guardrails gate: error {Rule.Id}: {Message}";
}
