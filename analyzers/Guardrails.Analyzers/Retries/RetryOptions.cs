using System;
using Guardrails.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Retries;

/// <summary>
/// The <c>.editorconfig</c> options of the GR1xxx rules.
/// <c>guardrails.retry.allowed_types</c>: types or namespaces (<c>MyCompany.Retry.*</c>) whose code is a
/// team's sanctioned retry helper; retries written inside them are not reported.
/// <c>guardrails.retry.recognize_retry_engines</c> (default <c>true</c>): a retry that asks a policy object whether
/// to retry and how long to wait is a retry engine, not a hand-written retry, and is not reported.
/// <c>guardrails.retry.code_fix_pipeline</c> (<c>local</c> by default, or <c>static_field</c>): read by the retry code fix.
/// </summary>
internal static class RetryOptions
{
    public const string AllowedTypesKey = "guardrails.retry.allowed_types";

    public const string RecognizeRetryEnginesKey = "guardrails.retry.recognize_retry_engines";

    public const bool RecognizeRetryEnginesDefault = true;

    /// <summary>Where the retry code fix puts the pipeline: <c>local</c> (default) or <c>static_field</c>, one shared field per type.</summary>
    public const string CodeFixPipelineKey = "guardrails.retry.code_fix_pipeline";

    public const string CodeFixPipelineStaticField = "static_field";

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

    /// <summary>True when <paramref name="region"/> runs a retry policy object and the option leaves engines alone.</summary>
    public static bool IsRetryEngine(AnalyzerOptions options, IOperation region)
    {
        var value = options.GetGuardrailsOption(region.Syntax.SyntaxTree, RecognizeRetryEnginesKey);
        var recognise = value is null ? RecognizeRetryEnginesDefault : !string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        return recognise && RetryEngine.Recognises(region);
    }
}
