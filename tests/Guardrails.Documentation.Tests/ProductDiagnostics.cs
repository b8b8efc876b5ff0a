using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Guardrails.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Guardrails.Documentation.Tests;

/// <summary>
/// Every diagnostic the product defines, found by reflection so a new rule cannot be forgotten:
/// the analyzers' descriptors and every static <see cref="Rule"/> field of the other assemblies.
/// </summary>
internal static class ProductDiagnostics
{
    private static readonly Assembly AnalyzerAssembly = Assembly.Load(new AssemblyName("Guardrails.Analyzers"));

    private static readonly Assembly[] RuleAssemblies =
    [
        typeof(Guardrails.Slo.SloRules).Assembly,
        Assembly.Load(new AssemblyName("Guardrails.Pipelines")),
        typeof(Guardrails.Gate.GateRules).Assembly,
        typeof(Guardrails.Cli.Program).Assembly,
    ];

    public static IReadOnlyList<ProductDiagnostic> All { get; } = [.. FromAnalyzers(), .. FromRuleFields()];

    private static IEnumerable<ProductDiagnostic> FromAnalyzers() =>
        AnalyzerAssembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
            .SelectMany(type => ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics
                .Select(descriptor => new ProductDiagnostic(descriptor.Id, descriptor.Title.ToString(CultureInfo.InvariantCulture), descriptor.HelpLinkUri, type.Name)))
            .DistinctBy(diagnostic => diagnostic.Id);

    private static IEnumerable<ProductDiagnostic> FromRuleFields() =>
        RuleAssemblies
            .SelectMany(assembly => assembly.GetTypes())
            .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(field => field.FieldType == typeof(Rule) && !field.DeclaringType!.IsGenericTypeDefinition)
            .Select(field => (Rule: (Rule)field.GetValue(null)!, Field: field))
            .Select(pair => new ProductDiagnostic(pair.Rule.Id, pair.Rule.Title, pair.Rule.HelpLink, $"{pair.Field.DeclaringType!.Name}.{pair.Field.Name}"));
}
