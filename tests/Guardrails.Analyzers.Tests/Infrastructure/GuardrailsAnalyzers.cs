using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Analyzers.Tests.Infrastructure;

/// <summary>Every analyzer the Guardrails.Analyzers assembly ships, found by reflection so new rules join the shared tests.</summary>
internal static class GuardrailsAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> CreateAll() =>
    [
        .. typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract)
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!),
    ];
}
