using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Guardrails.Analyzers.Timeouts;

/// <summary>The last simple name a type is written with (<c>HttpClient</c> in <c>System.Net.Http.HttpClient</c>).</summary>
internal static class TypeNames
{
    public static string LastOf(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => string.Empty,
    };
}
