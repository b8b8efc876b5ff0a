namespace Guardrails.Pipelines.Tests;

/// <summary>One diagnostic from a third-party validator, as validate.mjs prints it.</summary>
internal sealed record ValidatorFinding(string File, string Validator, int Line, int Column, string Severity, string Message)
{
    public override string ToString() => $"{File}({Line},{Column}): {Severity} [{Validator}] {Message}";
}
