using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Options;

/// <summary>
/// Reads Guardrails options (<c>guardrails.*</c> keys) from <c>.editorconfig</c> / <c>.globalconfig</c> for the
/// file being analysed, so a team can tune a rule per folder the same way it sets severities.
/// </summary>
internal static class AnalyzerOptionsExtensions
{
    public static string? GetGuardrailsOption(this AnalyzerOptions options, SyntaxTree tree, string key)
    {
        var fileOptions = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return fileOptions.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }
}
