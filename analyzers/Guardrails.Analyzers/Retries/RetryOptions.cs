using Guardrails.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The <c>.editorconfig</c> options of the GR1xxx rules.
/// <c>guardrails.retry.allowed_types</c>: types or namespaces (<c>MyCompany.Retry.*</c>) whose code is a
/// team's sanctioned retry helper; retries written inside them are not reported.
/// </summary>
internal static class RetryOptions
{
    public const string AllowedTypesKey = "guardrails.retry.allowed_types";

    public static bool IsSanctioned(AnalyzerOptions options, IOperation operation)
    {
        var allowed = SanctionedTypePatterns.Parse(options.GetGuardrailsOption(operation.Syntax.SyntaxTree, AllowedTypesKey));
        if (allowed.IsEmpty)
        {
            return false;
        }

        var containingType = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingType;
        return allowed.Covers(containingType);
    }
}
