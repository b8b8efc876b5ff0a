namespace Guardrails.Documentation.Tests;

/// <summary>A diagnostic ID as the product declares it, wherever it is declared.</summary>
public sealed record ProductDiagnostic(string Id, string Title, string HelpLink, string DeclaredIn)
{
    public override string ToString() => $"{Id} ({DeclaredIn})";
}
